namespace SocialCard.Platform.Security;

public enum SmsSendStatus
{
    Sent = 0,

    /// <summary>Less than the resend interval since the last code for this number or from this client.</summary>
    TooSoon = 1,

    /// <summary>Ten codes for this number in the last 24 hours.</summary>
    NumberDailyLimit = 2,

    /// <summary>Ten codes from this client address in the last 24 hours.</summary>
    ClientDailyLimit = 3,

    InvalidNumber = 4,
}
