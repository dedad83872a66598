using System.Collections.Concurrent;
using System.Security.Cryptography;
using SocialCard.Photos;
using SocialCard.Photos.Profiles;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Engine;

namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>
/// Binds the Platform's <see cref="IPhotoReviewer"/> port to the photo engine. Reports the web already computed
/// while the unit waited (<see cref="Remember"/>) are reused by the pre-review job instead of being checked twice;
/// the cache is small and keyed by content hash + profile, so it can never hand back another photo's verdict.
/// </summary>
public sealed class EnginePhotoReviewer(PhotoChecker checker, ReviewConcurrency concurrency) : IPhotoReviewer
{
    private const int MaxRemembered = 2000;
    private readonly ConcurrentDictionary<string, PhotoReport> _recent = new(StringComparer.Ordinal);

    public Task<PhotoReview> ReviewAsync(byte[] bytes, string fileName, string profileId, CancellationToken cancellationToken)
    {
        string key = Key(bytes, profileId);
        PhotoReport report = _recent.TryRemove(key, out PhotoReport? known) && known.File == Path.GetFileName(fileName)
            ? known
            : concurrency.Run(() => checker.Check(bytes, Path.GetFileName(fileName), SpecProfiles.Get(profileId)), cancellationToken);
        return Task.FromResult(PhotoEngineReviewer.ToReview(report));
    }

    /// <summary>Keeps a report the web computed synchronously for the job that will persist it.</summary>
    public void Remember(byte[] bytes, string profileId, PhotoReport report)
    {
        if (_recent.Count >= MaxRemembered)
        {
            _recent.Clear();
        }

        _recent[Key(bytes, profileId)] = report;
    }

    private static string Key(byte[] bytes, string profileId) =>
        profileId.ToLowerInvariant() + ":" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
