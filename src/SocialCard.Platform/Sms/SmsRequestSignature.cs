using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialCard.Platform.Sms;

/// <summary>
/// The provider request signature: <c>X-Sms-Signature</c> = base64(HMAC-SHA256(secret, timestamp + "\n" + nonce +
/// "\n" + method + "\n" + path + "\n" + body)), with the Unix timestamp in seconds (<c>X-Sms-Timestamp</c>) and a
/// random nonce (<c>X-Sms-Nonce</c>), so the provider can refuse a changed body, another path, a late or a replayed request.
/// </summary>
public static class SmsRequestSignature
{
    public const string KeyHeader = "X-Sms-Key";
    public const string TimestampHeader = "X-Sms-Timestamp";
    public const string NonceHeader = "X-Sms-Nonce";
    public const string SignatureHeader = "X-Sms-Signature";

    public static string Compute(string secret, long timestamp, string nonce, string method, string path, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        byte[] head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}\n{nonce}\n{method.ToUpperInvariant()}\n{path}\n"));
        byte[] message = new byte[head.Length + body.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>Constant-time comparison of a received signature with the expected one.</summary>
    public static bool Matches(string expected, string? received) =>
        received is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received));
}
