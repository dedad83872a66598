using System.Security.Cryptography;

namespace SocialCard.Platform.Security;

/// <summary>
/// The master keys for personal fields, oldest first: new values use <see cref="Newest"/>, older ones stay readable
/// until <see cref="FieldReencryption"/> has moved every value to the newest, after which an older key can leave the
/// ring (any key, key 1 too). What carries no key id (the lookup hashes, the photos' content hashes, the file store's
/// cipher) is keyed by <see cref="IndexKey"/> instead, which never rotates with them.
/// </summary>
public sealed class FieldKeyRing
{
    /// <param name="keys">The encryption keys.</param>
    /// <param name="indexKey">The 256-bit index key; null means key 1's material, as before the index key had a slot
    /// of its own (such a ring cannot lose key 1).</param>
    public FieldKeyRing(IEnumerable<FieldKey> keys, byte[]? indexKey = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = [.. keys.OrderBy(k => k.Id)];
        if (Keys.Count == 0)
        {
            throw new CryptographicException("The field key ring is empty.");
        }

        foreach (var key in Keys)
        {
            if (key.Id is < 1 or > ushort.MaxValue || key.Material.Length != 32)
            {
                throw new CryptographicException($"Field key {key.Id}: ids are 1-65535 and keys are 32 bytes.");
            }
        }

        if (Keys.Select(k => k.Id).Distinct().Count() != Keys.Count)
        {
            throw new CryptographicException("The field key ring names one key id twice.");
        }

        if (indexKey is { Length: not 32 })
        {
            throw new CryptographicException("The index key is 32 bytes.");
        }

        HasOwnIndexKey = indexKey is not null;
        IndexKey = indexKey ?? Keys.FirstOrDefault(k => k.Id == 1)?.Material
            ?? throw new CryptographicException(
                "Key 1 is not in the field key ring and no index key is set: the look-up hashes were made with key 1, so keep its material as the index key (Storage:IndexKey, or an 'index:' line in the key file).");
    }

    /// <summary>The material the lookup hashes, the content hashes and the file cipher are derived from.</summary>
    public byte[] IndexKey { get; }

    /// <summary>Whether <see cref="IndexKey"/> was given on its own rather than borrowed from key 1.</summary>
    public bool HasOwnIndexKey { get; }

    public IReadOnlyList<FieldKey> Keys { get; }

    public FieldKey First => Keys[0];

    public FieldKey Newest => Keys[^1];
}
