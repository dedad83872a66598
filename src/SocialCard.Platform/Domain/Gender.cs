namespace SocialCard.Platform.Domain;

/// <summary>性别 / gender, codes as GB/T 2261.1 (1 male, 2 female, 0 unknown).</summary>
public enum Gender
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
