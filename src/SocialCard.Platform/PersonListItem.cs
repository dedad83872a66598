namespace SocialCard.Platform;

/// <summary>A person in a list: everything personal is masked.</summary>
public sealed record PersonListItem(long Id, string PersonalNumber, string MaskedName, string MaskedIdNumber, string MaskedPhone, string? UnitCode);
