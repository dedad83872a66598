namespace SocialCard.Platform.Domain;

public enum FindingOutcome
{
    Pass = 0,
    Warn = 1,
    Fail = 2,
    Skip = 3,
}
