using System.Security.Cryptography;
using System.Text;

namespace SocialCard.Platform.Security;

/// <summary>Encrypts personal fields at rest (AES-256-GCM, random 96-bit nonce) and computes keyed lookup hashes
/// (HMAC-SHA256). Both keys are derived with HKDF from one 256-bit master key.
/// Cipher layout: version(1) | nonce(12) | ciphertext | tag(16).</summary>
public sealed class FieldProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _encKey;
    private readonly byte[] _macKey;

    // AesGcm is not thread-safe and its key schedule is worth keeping: one instance per thread for the protector
    // that thread used last (its SafeHandle frees the native state when it is collected).
    [ThreadStatic]
    private static (FieldProtector Owner, AesGcm Aes)? t_aes;

    public FieldProtector(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The master key must be 256 bits (32 bytes).", nameof(masterKey));
        }

        _encKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "socialcard/field-encryption/v1"u8.ToArray());
        _macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "socialcard/lookup-hmac/v1"u8.ToArray());
        Fingerprint = Convert.ToHexString(SHA256.HashData(_macKey).AsSpan(0, 8));
    }

    /// <summary>Non-secret identifier of the key (for model caching and diagnostics).</summary>
    public string Fingerprint { get; }

    public byte[] Encrypt(string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var output = new byte[1 + NonceSize + plainBytes.Length + TagSize];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Aes().Encrypt(nonce, plainBytes, output.AsSpan(1 + NonceSize, plainBytes.Length), output.AsSpan(output.Length - TagSize));
        return output;
    }

    public string Decrypt(byte[] cipher)
    {
        if (cipher.Length < 1 + NonceSize + TagSize || cipher[0] != FormatVersion)
        {
            throw new CryptographicException("Unknown protected-field format.");
        }

        var plainLength = cipher.Length - 1 - NonceSize - TagSize;
        var plain = plainLength <= 256 ? stackalloc byte[plainLength] : new byte[plainLength];
        Aes().Decrypt(cipher.AsSpan(1, NonceSize), cipher.AsSpan(1 + NonceSize, plainLength), cipher.AsSpan(cipher.Length - TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    private AesGcm Aes()
    {
        if (t_aes is { } cached && ReferenceEquals(cached.Owner, this))
        {
            return cached.Aes;
        }

        var aes = new AesGcm(_encKey, TagSize);
        t_aes = (this, aes);
        return aes;
    }

    /// <summary>Keyed hash of the normalised value (trimmed, upper-case) for exact lookups.</summary>
    public byte[] LookupHash(string value)
    {
        var normalised = value.Trim().ToUpperInvariant();
        return HMACSHA256.HashData(_macKey, Encoding.UTF8.GetBytes(normalised));
    }
}
