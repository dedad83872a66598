namespace SocialCard.Platform.Domain;

/// <summary>A one-time SMS code (获取验证码, seed 004). Only keyed hashes of the phone and the code are stored. Closed
/// (<see cref="ConsumedAt"/> set) when verified or when the wrong entries reach the limit.</summary>
public sealed class SmsVerification
{
    private SmsVerification()
    {
        PhoneHash = [];
        CodeHash = [];
        Purpose = string.Empty;
    }

    public SmsVerification(byte[] phoneHash, byte[] codeHash, string purpose, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        PhoneHash = phoneHash;
        CodeHash = codeHash;
        Purpose = purpose;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }

    public byte[] PhoneHash { get; private set; }

    public byte[] CodeHash { get; private set; }

    /// <summary>What the code unlocks, e.g. "application".</summary>
    public string Purpose { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? ConsumedAt { get; private set; }
}
