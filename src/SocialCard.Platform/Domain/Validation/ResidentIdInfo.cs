namespace SocialCard.Platform.Domain.Validation;

/// <summary>What an 18-character resident ID number says about its holder.</summary>
public readonly record struct ResidentIdInfo(string Number, string RegionCode, DateOnly BirthDate, Gender Gender);
