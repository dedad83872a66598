using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>TEST DOUBLE for the photo engine: passes JPEG-magic files of 10-40 KB and counts its calls.</summary>
public sealed class JpegMagicReviewer : IPhotoCheckPort
{
    private int _calls;

    public int Calls => _calls;

    public Task<PhotoReview> ReviewAsync(byte[] bytes, string fileName, string profileId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var isJpeg = bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
        var sizeOk = bytes.Length is >= 10 * 1024 and <= 40 * 1024;
        PhotoFinding[] findings =
        [
            new("file.format", isJpeg ? FindingOutcome.Pass : FindingOutcome.Fail, null, "jpeg", "文件格式须为JPG", "The file must be a JPEG"),
            new("file.size", sizeOk ? FindingOutcome.Pass : FindingOutcome.Fail, bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "10-40 KB", "文件大小不符合：10～40K", "File size must be 10-40 KB"),
        ];
        return Task.FromResult(new PhotoReview(isJpeg && sizeOk ? PhotoVerdict.Passed : PhotoVerdict.Failed, findings));
    }
}
