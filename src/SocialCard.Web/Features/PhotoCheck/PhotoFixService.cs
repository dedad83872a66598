using SocialCard.Photos.Fixes;
using SocialCard.Photos.Profiles;

namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>Runs the Photos auto-fix pipeline (when the face models are loaded) and maps its result for the API and pages.</summary>
public sealed class PhotoFixService(WebPhotoEngine engine)
{
    public bool IsAvailable => engine.CanFix;

    /// <summary>Null when the fixer is unavailable.</summary>
    public PhotoFixResponse? Fix(byte[] bytes, string fileName, SpecProfile profile, string? personNumber = null)
    {
        if (engine.Fixer is not { } fixer)
        {
            return null;
        }

        FixResult result = fixer.Fix(bytes, fileName, profile, personNumber);
        return new PhotoFixResponse(
            profile.Id,
            result.Success,
            result.SuggestedFileName,
            result.Jpeg is null ? null : Convert.ToBase64String(result.Jpeg),
            result.Recheck is null ? null : PhotoReportDto.From(result.Recheck),
            [.. result.Report.Steps.Select(s => new FixStepDto(s.Step, s.Outcome.ToString().ToLowerInvariant(), new BilingualText(s.Reason.Zh, s.Reason.En), s.Metric, s.Before, s.After))],
            result.Refusal is null ? null : Refusal(result.Refusal),
            result.Report.ElapsedMilliseconds);
    }

    private static FixRefusalDto Refusal(FixRefusal refusal)
    {
        Photos.Rules.LocalizedText summary = FixCapability.Explain(refusal);
        return new FixRefusalDto(refusal.Code, new BilingualText(refusal.Reason.Zh, refusal.Reason.En), new BilingualText(summary.Zh, summary.En));
    }
}
