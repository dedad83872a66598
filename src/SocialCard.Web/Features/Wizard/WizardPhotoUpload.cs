using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;

namespace SocialCard.Web.Features.Wizard;

/// <summary>An applicant's photo upload as the wizard's photo step and the change page read it: one file, at most
/// <see cref="PhotoModel.MaxUploadBytes"/>, its pixel count checked from the header before decoding, and HEIC (iPhone
/// camera), PNG or BMP converted once to JPEG, the format the card centre and the PDF take.</summary>
public sealed record WizardPhotoUpload(byte[]? Bytes, string? ErrorZh, string? ErrorEn)
{
    public static async Task<WizardPhotoUpload> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return new(null, "请选择或拍摄一张照片。", "Choose or take a photo.");
        }

        if (file.Length > PhotoModel.MaxUploadBytes)
        {
            return new(null, "文件过大（最大 12MB）。", "The file is too large (12 MB at most).");
        }

        byte[] bytes;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

        if (SocialCard.Platform.Security.HeaderPixels.Exceeds(bytes, out int width, out int height))
        {
            string size = SocialCard.Platform.Security.HeaderPixels.Describe(width, height);
            return new(null, $"照片像素过多（{size}），请缩小后重新上传。", $"The photo has too many pixels ({size}); scale it down and upload it again.");
        }

        if (ImageFormatSniffer.Detect(bytes) is not (ImageFormat.Jpeg or ImageFormat.Unknown))
        {
            try
            {
                using RgbImage image = ImageDecoder.Decode(bytes);
                bytes = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 92 });
            }
            catch (Exception ex) when (ex is InvalidImageContentException or SocialCard.Imaging.Native.NativeLibraryMissingException)
            {
                // left as uploaded: the review reports it as unreadable
            }
        }

        return new(bytes, null, null);
    }
}
