namespace SocialCard.Web.Features.Sms;

/// <summary>One issued code as stored: only its keyed hash, never the digits.</summary>
public sealed class SmsCodeEntry
{
    public SmsCodeEntry(string phone, string clientKey, byte[] codeHash, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Phone = phone;
        ClientKey = clientKey;
        CodeHash = codeHash;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public string Phone { get; }

    /// <summary>The client address (or other key) that asked for it.</summary>
    public string ClientKey { get; }

    public byte[] CodeHash { get; }

    public DateTimeOffset IssuedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public int FailedAttempts { get; set; }

    /// <summary>Verified once, or voided by too many wrong entries.</summary>
    public bool Closed { get; set; }
}
