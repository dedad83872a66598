namespace SocialCard.Platform.Desks;

/// <summary>What a verdict override did, with the person it was for (the number the photo is named by).</summary>
public sealed record ReviewOverrideResult(ReviewOverrideStatus Status, string PersonalNumber = "", string MaskedName = "");
