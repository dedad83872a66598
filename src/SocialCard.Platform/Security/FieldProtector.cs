using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SocialCard.Platform.Security;

/// <summary>
/// Encrypts personal fields at rest (AES-256-GCM, random 96-bit nonce) and computes keyed lookup hashes
/// (HMAC-SHA256), each key derived with HKDF from a 256-bit master key of the <see cref="FieldKeyRing"/>.
/// New values are sealed under the ring's newest key, whose id travels with the value; values under older keys still
/// open (<see cref="IsCurrent"/> tells which need re-sealing). Lookup and content hashes are keyed by the ring's
/// <see cref="FieldKeyRing.IndexKey"/>, so exact look-ups keep working across rotations and after an old key leaves.
/// Cipher layout: version 2 | key id (2, big-endian) | nonce(12) | ciphertext | tag(16); version 1 (no key id, from
/// before key ids) is read as key 1.
/// </summary>
public sealed class FieldProtector
{
    private const byte LegacyVersion = 1;
    private const byte FormatVersion = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 3;

    private readonly Dictionary<int, byte[]> _encKeys = [];
    private const int LegacyKeyId = 1;
    private readonly byte[] _macKey;
    private readonly byte[] _contentKey;

    // AesGcm is not thread-safe and its key schedule is worth keeping: one instance per thread for the protector and
    // key that thread used last (its SafeHandle frees the native state when it is collected).
    [ThreadStatic]
    private static (FieldProtector Owner, int KeyId, AesGcm Aes)? t_aes;

    /// <summary>A protector with one key (id 1).</summary>
    public FieldProtector(ReadOnlySpan<byte> masterKey)
        : this(new FieldKeyRing([new FieldKey(1, masterKey.ToArray())]))
    {
    }

    public FieldProtector(FieldKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        foreach (var key in ring.Keys)
        {
            _encKeys[key.Id] = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material, 32, info: "socialcard/field-encryption/v1"u8.ToArray());
        }

        CurrentKeyId = ring.Newest.Id;
        _macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, ring.IndexKey, 32, info: "socialcard/lookup-hmac/v1"u8.ToArray());
        _contentKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, ring.IndexKey, 32, info: "socialcard/content-hmac/v1"u8.ToArray());
        // The model caches converters bound to this protector: the fingerprint covers every key, not just the lookup key.
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        fingerprint.AppendData(_macKey);
        foreach (var key in ring.Keys)
        {
            fingerprint.AppendData(BitConverter.GetBytes(key.Id));
            fingerprint.AppendData(_encKeys[key.Id]);
        }

        Fingerprint = Convert.ToHexString(fingerprint.GetHashAndReset().AsSpan(0, 8));
    }

    /// <summary>Non-secret identifier of the key ring (for model caching and diagnostics).</summary>
    public string Fingerprint { get; }

    /// <summary>Id of the key new values are sealed with.</summary>
    public int CurrentKeyId { get; }

    /// <summary>Whether more than one key is in the ring (values may need re-sealing).</summary>
    public bool HasOlderKeys => _encKeys.Count > 1;

    public byte[] Encrypt(string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var output = new byte[HeaderSize + NonceSize + plainBytes.Length + TagSize];
        output[0] = FormatVersion;
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(1, 2), (ushort)CurrentKeyId);
        var nonce = output.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Aes(CurrentKeyId).Encrypt(nonce, plainBytes, output.AsSpan(HeaderSize + NonceSize, plainBytes.Length), output.AsSpan(output.Length - TagSize));
        return output;
    }

    public string Decrypt(byte[] cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        var keyId = KeyIdOf(cipher) ?? throw new CryptographicException("Unknown protected-field format.");
        if (!_encKeys.ContainsKey(keyId))
        {
            throw new CryptographicException($"The field key {keyId} is not in the key ring.");
        }

        var header = cipher[0] == LegacyVersion ? 1 : HeaderSize;
        var plainLength = cipher.Length - header - NonceSize - TagSize;
        var plain = plainLength <= 256 ? stackalloc byte[plainLength] : new byte[plainLength];
        Aes(keyId).Decrypt(cipher.AsSpan(header, NonceSize), cipher.AsSpan(header + NonceSize, plainLength), cipher.AsSpan(cipher.Length - TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id a sealed value names, or null when it is not a sealed value at all.</summary>
    public int? KeyIdOf(ReadOnlySpan<byte> cipher) =>
        cipher.Length >= 1 + NonceSize + TagSize && cipher[0] == LegacyVersion ? LegacyKeyId
        : cipher.Length >= HeaderSize + NonceSize + TagSize && cipher[0] == FormatVersion ? BinaryPrimitives.ReadUInt16BigEndian(cipher.Slice(1, 2))
        : null;

    /// <summary>Whether <paramref name="cipher"/> is sealed under the current key in the current layout.</summary>
    public bool IsCurrent(ReadOnlySpan<byte> cipher) => cipher.Length > 0 && cipher[0] == FormatVersion && KeyIdOf(cipher) == CurrentKeyId;

    private AesGcm Aes(int keyId)
    {
        if (t_aes is { } cached && ReferenceEquals(cached.Owner, this) && cached.KeyId == keyId)
        {
            return cached.Aes;
        }

        var aes = new AesGcm(_encKeys[keyId], TagSize);
        t_aes = (this, keyId, aes);
        return aes;
    }

    /// <summary>Keyed hash of the normalised value (trimmed, upper-case) for exact lookups.</summary>
    public byte[] LookupHash(string value)
    {
        var normalised = value.Trim().ToUpperInvariant();
        return HMACSHA256.HashData(_macKey, Encoding.UTF8.GetBytes(normalised));
    }

    /// <summary>Keyed hash of a file's exact bytes (a photo is personal data: a plain digest of a known photo would
    /// confirm who is on file). On the ring's index key like <see cref="LookupHash"/>, so it survives rotations.</summary>
    public byte[] ContentHash(ReadOnlySpan<byte> content) => HMACSHA256.HashData(_contentKey, content);
}
