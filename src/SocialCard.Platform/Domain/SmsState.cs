namespace SocialCard.Platform.Domain;

public enum SmsState
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}
