namespace SocialCard.Photos.Profiles;

/// <summary>What a broken rule does to the verdict: reject the photo, or only warn.</summary>
public enum RuleSeverity
{
    Fail = 0,
    Warn,
}
