using System.Security.Cryptography;
using System.Text;

namespace SocialCard.Platform.Files;

/// <summary>
/// Encrypts stored files with AES-256-GCM under a key derived (HKDF-SHA256, its own purpose label) from the
/// platform's 256-bit index key (<see cref="Security.FieldKeyRing.IndexKey"/>: stored files carry no key id, so they
/// stay on the key that does not rotate with the personal fields' encryption keys). The file key is the associated data,
/// so a blob copied under another name does not decrypt. Layout: version(1) | nonce(12) | ciphertext | tag(16).
/// </summary>
public sealed class FileCipher
{
    /// <summary>Bytes a stored file has beyond its plain content.</summary>
    public const int Overhead = 1 + NonceSize + TagSize;

    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public FileCipher(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The master key must be 256 bits (32 bytes).", nameof(masterKey));
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "socialcard/file-encryption/v1"u8.ToArray());
    }

    public byte[] Encrypt(string fileKey, ReadOnlySpan<byte> plain)
    {
        byte[] output = new byte[Overhead + plain.Length];
        output[0] = FormatVersion;
        Span<byte> nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(1 + NonceSize, plain.Length), output.AsSpan(output.Length - TagSize), Encoding.UTF8.GetBytes(fileKey));
        return output;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the blob was changed, is not ours, or belongs to another key.</summary>
    public byte[] Decrypt(string fileKey, ReadOnlySpan<byte> stored)
    {
        if (stored.Length < Overhead || stored[0] != FormatVersion)
        {
            throw new CryptographicException($"Stored file '{fileKey}' is not in the platform's encrypted format.");
        }

        byte[] plain = new byte[stored.Length - Overhead];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(stored.Slice(1, NonceSize), stored.Slice(1 + NonceSize, plain.Length), stored[^TagSize..], plain, Encoding.UTF8.GetBytes(fileKey));
        return plain;
    }
}
