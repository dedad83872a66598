using System.Security.Cryptography;

namespace SocialCard.Platform.Security;

/// <summary>Finds the 256-bit master key: from configuration (base64) when given, otherwise from a key file,
/// created with a fresh random key on first use (embedded default).</summary>
public static class FieldKeySource
{
    public static byte[] Load(string? base64Key, string keyFilePath)
    {
        if (!string.IsNullOrWhiteSpace(base64Key))
        {
            var key = Convert.FromBase64String(base64Key.Trim());
            return key.Length == 32 ? key : throw new CryptographicException("Storage:EncryptionKey must be 32 bytes in base64.");
        }

        if (File.Exists(keyFilePath))
        {
            var key = Convert.FromBase64String(File.ReadAllText(keyFilePath).Trim());
            return key.Length == 32 ? key : throw new CryptographicException($"Key file {keyFilePath} does not hold a 32-byte key.");
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(keyFilePath));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var fresh = RandomNumberGenerator.GetBytes(32);
        var tmp = keyFilePath + ".tmp";
        File.WriteAllText(tmp, Convert.ToBase64String(fresh));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(tmp, keyFilePath, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyFilePath))
        {
            // Another process created it first: use theirs.
            File.Delete(tmp);
            return Load(null, keyFilePath);
        }

        return fresh;
    }
}
