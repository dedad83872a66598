namespace SocialCard.Photos.Rules;

public enum RuleOutcome
{
    Pass = 0,
    Warn,
    Fail,

    /// <summary>Not evaluated: disabled by the profile, or its input (pixels, face) is missing.</summary>
    Skip,
}
