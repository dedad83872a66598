namespace SocialCard.Platform.Security;

public enum SmsVerifyStatus
{
    Verified = 0,
    WrongCode = 1,
    Expired = 2,

    /// <summary>Five wrong entries: the code is void, a new one must be requested.</summary>
    TooManyAttempts = 3,

    /// <summary>No code was requested for this number (or it was already used).</summary>
    NoCode = 4,
}
