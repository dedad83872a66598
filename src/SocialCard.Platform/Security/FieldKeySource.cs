using System.Globalization;
using System.Security.Cryptography;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// Finds the field master keys. From configuration when given (<c>Storage:EncryptionKey</c>, key id 1, and
/// <c>Storage:EncryptionKeys:{id}</c> for rotated keys; base64, e.g. from environment variables or a secret store);
/// otherwise from a key file outside the data directory (<see cref="StorageOptions.ResolveKeyFile"/>), created with a
/// fresh random key, mode 0600, on first use. A key file holds one key per line as <c>id:base64</c> (a bare base64
/// line is id 1); the highest id is the newest. The index key (<see cref="FieldKeyRing.IndexKey"/>) is
/// <c>Storage:IndexKey</c>, or the key file's <c>index:base64</c> line: a new key file gets a random one of its own,
/// and a key file from before that line gets key 1's material written there, so key 1 can later leave the file. A key file left inside the data directory by earlier versions is moved
/// out on first start; a key file configured inside the data directory is refused.
/// </summary>
public static class FieldKeySource
{
    public const string LegacyKeyFileName = "field-key.b64";

    private const string IndexLinePrefix = "index:";

    public static FieldKeyRing LoadRing(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var configured = new List<FieldKey>();
        if (!string.IsNullOrWhiteSpace(storage.EncryptionKey))
        {
            configured.Add(new FieldKey(1, Decode(storage.EncryptionKey, "Storage:EncryptionKey")));
        }

        foreach (var (id, value) in storage.EncryptionKeys)
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var keyId))
            {
                throw new CryptographicException($"Storage:EncryptionKeys:{id}: key ids are numbers.");
            }

            configured.Add(new FieldKey(keyId, Decode(value, $"Storage:EncryptionKeys:{id}")));
        }

        byte[]? indexKey = string.IsNullOrWhiteSpace(storage.IndexKey) ? null : Decode(storage.IndexKey, "Storage:IndexKey");
        if (configured.Count > 0)
        {
            return new FieldKeyRing(configured, indexKey);
        }

        var keyFile = Path.GetFullPath(storage.ResolveKeyFile());
        var dataDir = Path.GetFullPath(storage.DataDirectory) + Path.DirectorySeparatorChar;
        if (keyFile.StartsWith(dataDir, StringComparison.Ordinal))
        {
            throw new CryptographicException(
                $"The field key file {keyFile} lies inside the data directory: keep it elsewhere (Storage:KeyFile) so a copy of the data is not a copy of the key.");
        }

        var legacy = Path.Combine(storage.DataDirectory, LegacyKeyFileName);
        if (File.Exists(legacy) && !File.Exists(keyFile))
        {
            CreateDirectoryFor(keyFile);
            File.Move(legacy, keyFile);
            RestrictToOwner(keyFile);
        }

        var ring = ReadOrCreate(keyFile);
        return indexKey is null ? ring : new FieldKeyRing(ring.Keys, indexKey);
    }

    /// <summary>The single (first) key of a key file, created if missing; or the configured base64 key.</summary>
    public static byte[] Load(string? base64Key, string keyFilePath) =>
        !string.IsNullOrWhiteSpace(base64Key) ? Decode(base64Key, "Storage:EncryptionKey") : ReadOrCreate(keyFilePath).First.Material;

    /// <summary>Adds a fresh key to <paramref name="keyFilePath"/> as the newest; returns its id.</summary>
    public static int AddKey(string keyFilePath)
    {
        var ring = ReadOrCreate(keyFilePath);
        var id = ring.Newest.Id + 1;
        File.AppendAllText(keyFilePath, Environment.NewLine + id.ToString(CultureInfo.InvariantCulture) + ":" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        RestrictToOwner(keyFilePath);
        return id;
    }

    private static FieldKeyRing ReadOrCreate(string keyFilePath)
    {
        if (File.Exists(keyFilePath))
        {
            var existing = Parse(File.ReadAllLines(keyFilePath), keyFilePath);
            if (!existing.HasOwnIndexKey)
            {
                // Written before the index key had a line: pin key 1's material there (the stored hashes were made
                // with it), so that removing the "1:" line after a rotation leaves every look-up working.
                File.AppendAllText(keyFilePath, Environment.NewLine + IndexLinePrefix + Convert.ToBase64String(existing.IndexKey));
                RestrictToOwner(keyFilePath);
                existing = new FieldKeyRing(existing.Keys, existing.IndexKey);
            }

            return existing;
        }

        CreateDirectoryFor(keyFilePath);
        var fresh = RandomNumberGenerator.GetBytes(32);
        var index = RandomNumberGenerator.GetBytes(32);
        var tmp = keyFilePath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(tmp, "1:" + Convert.ToBase64String(fresh) + Environment.NewLine + IndexLinePrefix + Convert.ToBase64String(index));
        RestrictToOwner(tmp);
        try
        {
            File.Move(tmp, keyFilePath, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyFilePath))
        {
            // Another process created it first: use theirs.
            File.Delete(tmp);
            return ReadOrCreate(keyFilePath);
        }

        return new FieldKeyRing([new FieldKey(1, fresh)], index);
    }

    private static FieldKeyRing Parse(string[] lines, string path)
    {
        var keys = new List<FieldKey>();
        byte[]? index = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith(IndexLinePrefix, StringComparison.Ordinal))
            {
                // Two processes pinning at once may both append the same line: the first one counts.
                index ??= Decode(line[IndexLinePrefix.Length..], $"Key file {path}");
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var id = colon < 0 ? 1 : int.Parse(line.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture);
            keys.Add(new FieldKey(id, Decode(colon < 0 ? line : line[(colon + 1)..], $"Key file {path}")));
        }

        return new FieldKeyRing(keys, index);
    }

    private static byte[] Decode(string base64, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new CryptographicException($"{where} is not base64.");
        }

        return key.Length == 32 ? key : throw new CryptographicException($"{where} must be 32 bytes in base64.");
    }

    private static void CreateDirectoryFor(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
