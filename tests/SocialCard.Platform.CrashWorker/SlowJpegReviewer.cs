using SocialCard.Platform.Domain;

namespace SocialCard.Platform.CrashWorker;

/// <summary>TEST DOUBLE, not the photo engine: passes a photo when it starts with the JPEG SOI marker and is 10-40 KB
/// (seed 000's size rule), after an artificial delay so the crash test can kill the process mid-batch.</summary>
internal sealed class SlowJpegReviewer(TimeSpan delay) : IPhotoCheckPort
{
    public async Task<PhotoReview> ReviewAsync(byte[] bytes, string fileName, string profileId, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        var isJpeg = bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
        var kb = bytes.Length / 1024.0;
        var sizeOk = kb is >= 10 and <= 40;
        PhotoFinding[] findings =
        [
            new("file.format", isJpeg ? FindingOutcome.Pass : FindingOutcome.Fail, isJpeg ? "jpeg" : "unknown", "jpeg", "文件格式须为JPG", "The file must be a JPEG"),
            new("file.size", sizeOk ? FindingOutcome.Pass : FindingOutcome.Fail, kb.ToString("F1", System.Globalization.CultureInfo.InvariantCulture), "10-40 KB", "文件大小须在10～40K之间", "File size must be 10-40 KB"),
        ];
        Console.WriteLine($"reviewed {fileName}"); // the crash test reads these lines to see what each process reviewed
        return new PhotoReview(isJpeg && sizeOk ? PhotoVerdict.Passed : PhotoVerdict.Failed, findings);
    }
}
