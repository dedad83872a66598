using System.Globalization;
using SocialCard.Photos;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Platform.Domain;
using EngineVerdict = SocialCard.Photos.PhotoVerdict;
using PhotoVerdict = SocialCard.Platform.Domain.PhotoVerdict;

namespace SocialCard.Platform.Engine;

/// <summary>
/// The real photo engine (<see cref="PhotoChecker"/> from SocialCard.Photos) behind the platform's
/// <see cref="IPhotoReviewer"/> port, for hosts without their own adapter (the CLI, the crash worker, benchmarks). A
/// warning (a reading too close to a limit to call, or a rule the profile only warns on) waits for a look by centre
/// staff (<see cref="PhotoVerdict.NeedsReview"/>); an unreadable file (engine verdict Error) fails. The checker is thread-safe, so one
/// instance serves every parallel batch entry. Review is CPU work and runs on the calling thread.
/// </summary>
public sealed class PhotoEngineReviewer(PhotoChecker checker) : IPhotoReviewer
{
    public Task<PhotoReview> ReviewAsync(byte[] bytes, string fileName, string profileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        cancellationToken.ThrowIfCancellationRequested();
        var report = checker.Check(bytes, Path.GetFileName(fileName), SpecProfiles.Get(profileId));
        return Task.FromResult(ToReview(report));
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
}
