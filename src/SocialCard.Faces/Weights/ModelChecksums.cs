using System.Reflection;
using System.Security.Cryptography;

namespace SocialCard.Faces.Weights;

/// <summary>
/// The SHA-256 of every weight file we use, committed in <c>Models/face-api-1.7.15.sha256</c> (embedded in the assembly;
/// the set-up script checks the same list). Loading verifies each file so an altered or partial copy fails loudly.
/// </summary>
internal sealed class ModelChecksums
{
    private const string FaceApiResource = "SocialCard.Faces.Models.face-api-1.7.15.sha256";
    private const string SelfieResource = "SocialCard.Faces.Models.human-models-3.0.4-selfie.sha256";

    private readonly Dictionary<string, string> _sha256ByFile;

    private ModelChecksums(Dictionary<string, string> sha256ByFile) => _sha256ByFile = sha256ByFile;

    public static ModelChecksums Embedded { get; } = LoadEmbedded(FaceApiResource);

    /// <summary>The selfie segmentation graph's two files (<c>Models/human-models-3.0.4-selfie.sha256</c>).</summary>
    public static ModelChecksums Selfie { get; } = LoadEmbedded(SelfieResource);

    public IReadOnlyCollection<string> FileNames => _sha256ByFile.Keys;

    public static ModelChecksums Parse(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space != 64)
            {
                throw new FormatException($"Bad checksum line '{line}'.");
            }

            map[line[space..].Trim().TrimStart('*')] = line[..space].ToLowerInvariant();
        }

        return new ModelChecksums(map);
    }

    public void Verify(string fileName, ReadOnlySpan<byte> content)
    {
        if (!_sha256ByFile.TryGetValue(fileName, out string? expected))
        {
            ModelThrowHelper.ThrowModelFormat($"Weight file {fileName} has no committed SHA-256.");
        }

        string actual = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            ModelThrowHelper.ThrowModelFormat(
                $"Weight file {fileName} is altered or incomplete: SHA-256 {actual}, expected {expected} ({content.Length} bytes read).");
        }
    }

    private static ModelChecksums LoadEmbedded(string resourceName)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
