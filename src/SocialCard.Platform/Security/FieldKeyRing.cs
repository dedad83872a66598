using System.Security.Cryptography;

namespace SocialCard.Platform.Security;

/// <summary>
/// The master keys for personal fields, oldest first: new values use <see cref="Newest"/>, older ones stay readable
/// until <see cref="FieldReencryption"/> has moved every value to the newest; lookup hashes use <see cref="First"/>.
/// </summary>
public sealed class FieldKeyRing
{
    public FieldKeyRing(IEnumerable<FieldKey> keys)
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
    }

    public IReadOnlyList<FieldKey> Keys { get; }

    public FieldKey First => Keys[0];

    public FieldKey Newest => Keys[^1];
}
