using System.Diagnostics;
using Microsoft.Extensions.Options;
using SocialCard.Photos;
using SocialCard.Photos.Profiles;

namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>
/// Runs the shared <see cref="PhotoChecker"/> over a set of photos in parallel (one per core by default): a 50-photo
/// package is checked while the upload request waits. Each check takes a slot of the node-wide
/// <see cref="SocialCard.Platform.Engine.ReviewConcurrency"/>.
/// </summary>
public sealed class WebPhotoCheckService(PhotoChecker checker, IOptions<PhotoCheckOptions> options, SocialCard.Platform.Engine.ReviewConcurrency concurrency)
{
    public IReadOnlyList<PhotoReport> CheckAll(IReadOnlyList<PhotoInput> photos, SpecProfile profile, CancellationToken cancellationToken)
    {
        var reports = new PhotoReport[photos.Count];
        int parallelism = options.Value.MaxParallelism > 0 ? options.Value.MaxParallelism : Environment.ProcessorCount;
        Parallel.For(0, photos.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, i =>
        {
            reports[i] = concurrency.Run(() => checker.Check(photos[i].Bytes, photos[i].FileName, profile), cancellationToken);
        });
        return reports;
    }

    public (IReadOnlyList<PhotoReport> Reports, long ElapsedMilliseconds) CheckTimed(IReadOnlyList<PhotoInput> photos, SpecProfile profile, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        IReadOnlyList<PhotoReport> reports = CheckAll(photos, profile, cancellationToken);
        return (reports, (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
