using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Desks;

/// <summary>One submitted application in the staff list: masked name and ID number, never the images.</summary>
public sealed record ApplicationListItem(
    long Id,
    string PersonalNumber,
    string MaskedName,
    string MaskedIdNumber,
    string? UnitCode,
    ApplicationState State,
    DateTimeOffset? SubmittedAt,
    bool HasIdImages);
