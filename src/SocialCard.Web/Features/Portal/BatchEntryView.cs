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
    bool HasFixed);
