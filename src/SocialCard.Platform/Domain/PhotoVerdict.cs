namespace SocialCard.Platform.Domain;

/// <summary>Pre-review (预审) verdict of one photo.</summary>
public enum PhotoVerdict
{
    Pending = 0,
    Passed = 1,
    Failed = 2,
}
