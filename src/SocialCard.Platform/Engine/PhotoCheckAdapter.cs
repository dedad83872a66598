using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using SocialCard.Photos;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Platform.Domain;
using EngineVerdict = SocialCard.Photos.PhotoVerdict;
using PhotoVerdict = SocialCard.Platform.Domain.PhotoVerdict;

namespace SocialCard.Platform.Engine;

/// <summary>
/// The check side of the photo engine (<see cref="PhotoChecker"/> from SocialCard.Photos) behind the platform's
/// <see cref="IPhotoCheckPort"/>, for every host (the web site, the CLI, the crash worker, benchmarks). A warning (a
/// reading too close to a limit to call, or a rule the profile only warns on) waits for a look by centre staff
/// (<see cref="PhotoVerdict.NeedsReview"/>); an unreadable file (engine verdict Error) fails. The checker is
/// thread-safe, so one instance serves every parallel batch entry; with a <see cref="ReviewConcurrency"/> each check
/// takes a slot of the node-wide limit, else it runs on the calling thread. Reports a host already computed while
/// the unit waited (<see cref="Remember"/>) are reused by the pre-review job instead of being checked twice; that
/// cache is small and keyed by content hash + profile, so it can never hand back another photo's verdict.
/// </summary>
public sealed class PhotoCheckAdapter(PhotoChecker checker, ReviewConcurrency? concurrency = null) : IPhotoCheckPort
{
    private const int MaxRemembered = 2000;
    private readonly ConcurrentDictionary<string, PhotoReport> _recent = new(StringComparer.Ordinal);

    public Task<PhotoReview> ReviewAsync(byte[] bytes, string fileName, string profileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        cancellationToken.ThrowIfCancellationRequested();
        string file = Path.GetFileName(fileName);
        PhotoReport report = !_recent.IsEmpty && _recent.TryRemove(Key(bytes, profileId), out PhotoReport? known) && known.File == file
            ? known
            : concurrency is null
                ? checker.Check(bytes, file, SpecProfiles.Get(profileId))
                : concurrency.Run(() => checker.Check(bytes, file, SpecProfiles.Get(profileId)), cancellationToken);
        return Task.FromResult(ToReview(report));
    }

    /// <summary>Keeps a report the host computed synchronously for the job that will persist it.</summary>
    public void Remember(byte[] bytes, string profileId, PhotoReport report)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (_recent.Count >= MaxRemembered)
        {
            _recent.Clear();
        }

        _recent[Key(bytes, profileId)] = report;
    }

    /// <summary>The engine's report as the platform stores it.</summary>
    public static PhotoReview ToReview(PhotoReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = new PhotoFinding[report.Findings.Count];
        for (var i = 0; i < findings.Length; i++)
        {
            var f = report.Findings[i];
            findings[i] = new PhotoFinding(
                f.Rule,
                f.Outcome switch
                {
                    RuleOutcome.Pass => FindingOutcome.Pass,
                    RuleOutcome.Warn => FindingOutcome.Warn,
                    RuleOutcome.Fail => FindingOutcome.Fail,
                    _ => FindingOutcome.Skip,
                },
                f.Value is null ? null : Convert.ToString(f.Value, CultureInfo.InvariantCulture),
                f.Limit,
                f.Message.Zh,
                f.Message.En);
        }

        var verdict = report.Verdict switch
        {
            EngineVerdict.Pass => PhotoVerdict.Passed,
            EngineVerdict.Warn => PhotoVerdict.NeedsReview,
            _ => PhotoVerdict.Failed,
        };
        return new PhotoReview(verdict, findings);
    }

    private static string Key(byte[] bytes, string profileId) =>
        profileId.ToLowerInvariant() + ":" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
