namespace SocialCard.Platform.Desks;

/// <summary>A card waiting at the pickup desk, as the clerk's list shows it (name masked).</summary>
public sealed record PickupCard(string PersonalNumber, string MaskedName, string UnitCode, DateOnly? ReadyOn);
