using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Portal;

/// <summary>One photo of a batch as the unit sees it: reviewed (with a photo id and findings) or still pending.</summary>
public sealed record BatchEntryView(
    string EntryName,
    string PersonalNumber,
    string MaskedName,
    bool PersonKnown,
    long? PhotoId,
    PhotoVerdict Verdict,
    IReadOnlyList<PhotoFinding> Failures,
    bool HasFixed)
{
    /// <summary>The one-click fix is offered: a failed photo of a known person whose every failing rule the fix can repair.</summary>
    public bool OffersFix => Verdict == PhotoVerdict.Failed && PhotoId is not null && PersonKnown && PhotoFinding.FixCanRepair(Failures);
}
