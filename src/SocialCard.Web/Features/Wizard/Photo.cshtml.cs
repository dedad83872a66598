using Microsoft.AspNetCore.Mvc;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Step 7: keep the photo on file when it is the person's, or upload one (camera or file, HEIC accepted) with the
/// instant pre-review and the one-click fix. Moving on needs the photo on file or an uploaded photo that passes.
/// </summary>
public sealed class PhotoModel(IWizardDraftStore drafts, TimeProvider clock, IWizardPhotoService reviewer)
    : WizardPageModel(drafts, clock)
{
    /// <summary>Uploads larger than this are refused before decoding (the product limit is 1 MB after fixing).</summary>
    public const int MaxUploadBytes = 12 * 1024 * 1024;

    public override WizardStep Step => WizardStep.Photo;

    public bool CanFix => reviewer.CanFix;

    public int PhotoVersion => Draft.Photo?.Length ?? 0;

    public void OnGet()
    {
    }

    public IActionResult OnPostKeep()
    {
        if (Draft.Person is not { HasPhotoOnFile: true })
        {
            AddError("Upload", "平台没有您的照片，请上传。", "There is no photo on file; upload one.");
            return Page();
        }

        Draft.KeepPhotoOnFile = true;
        Draft.Photo = null;
        Draft.PhotoOriginal = null;
        Draft.PhotoPreReview = null;
        return Complete();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        WizardPhotoUpload upload = await WizardPhotoUpload.ReadAsync(Request.Form.Files.GetFiles("Upload").FirstOrDefault(f => f.Length > 0), cancellationToken)
            .ConfigureAwait(false);
        if (upload.Bytes is not { } bytes)
        {
            AddError("Upload", upload.ErrorZh!, upload.ErrorEn!);
            return Page();
        }

        Draft.KeepPhotoOnFile = false;
        Draft.PhotoOriginal = bytes;
        Draft.Photo = bytes;
        Draft.PhotoPreReview = reviewer.Review(bytes);
        Draft.Done.Remove(Step);
        Save();
        return Page();
    }

    public IActionResult OnPostFix()
    {
        if (Draft.PhotoOriginal is null)
        {
            AddError("Upload", "请先上传照片。", "Upload a photo first.");
            return Page();
        }

        if (Draft.PhotoPreReview is not { CanFix: true } review)
        {
            AddError("Upload", "这张照片的问题无法自动修正，请重新拍摄上传。", "What is wrong with this photo cannot be fixed automatically; take and upload another.");
            return Page();
        }

        PhotoFixOutcome? outcome = reviewer.CanFix ? reviewer.Fix(Draft.PhotoOriginal) : null;
        if (outcome is null)
        {
            AddError("Upload", "暂时无法自动修正，请重新拍摄上传。", "The automatic fix is not available; take and upload another photo.");
            return Page();
        }

        if (!outcome.Fixed)
        {
            // Refused: the original stays, with the reason; nothing the fix made of it is shown.
            Draft.Photo = Draft.PhotoOriginal;
            Draft.PhotoPreReview = review with { CanFix = false, FixRefusal = outcome.Refusal };
            Save();
            return Page();
        }

        Draft.Photo = outcome.Jpeg;
        Draft.PhotoPreReview = outcome.Review! with { WasFixed = true, FixPending = true };
        Save();
        return Page();
    }

    /// <summary>The applicant takes the fixed photo shown next to the original.</summary>
    public IActionResult OnPostAcceptFix()
    {
        if (Draft.PhotoPreReview is { FixPending: true } review)
        {
            Draft.PhotoPreReview = review with { FixPending = false };
            Save();
        }

        return Page();
    }

    /// <summary>The applicant keeps the original instead of the fixed photo (and can upload another).</summary>
    public IActionResult OnPostRejectFix()
    {
        if (Draft.PhotoPreReview is { FixPending: true } && Draft.PhotoOriginal is { } original)
        {
            Draft.Photo = original;
            Draft.PhotoPreReview = reviewer.Review(original) with { CanFix = false };
            Save();
        }

        return Page();
    }

    public IActionResult OnPost()
    {
        if (Draft.KeepPhotoOnFile && Draft.Person is { HasPhotoOnFile: true })
        {
            return Complete();
        }

        if (Draft.Photo is null || Draft.PhotoPreReview is null)
        {
            AddError("Upload", Draft.Person is { HasPhotoOnFile: true } ? "请确认已有照片或上传新照片。" : "平台没有您的照片，请上传本人证件照。",
                Draft.Person is { HasPhotoOnFile: true } ? "Confirm the photo on file or upload a new one." : "There is no photo on file; upload your ID photo.");
            return Page();
        }

        if (Draft.PhotoPreReview.FixPending)
        {
            AddError("Upload", "请先对比修正前后的照片，确认是否采用修正后的照片。", "Compare the photos first and say whether to use the fixed one.");
            return Page();
        }

        if (!Draft.PhotoPreReview.Passed)
        {
            AddError("Upload", "照片未通过预审，请修正或重新上传。", "The photo did not pass the pre-review; fix it or upload another.");
            return Page();
        }

        Draft.Photo = AsJpeg(Draft.Photo);
        return Complete();
    }

    /// <summary>The printed form and the card centre need JPEG: HEIC/PNG uploads that passed are re-encoded.</summary>
    internal static byte[] AsJpeg(byte[] photo)
    {
        if (ImageFormatSniffer.Detect(photo) == ImageFormat.Jpeg)
        {
            return photo;
        }

        using RgbImage image = ImageDecoder.Decode(photo);
        return JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 90, DensityDpi = 350 });
    }
}
