using System.Runtime.CompilerServices;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>The labelled photos in ../shared/photos/devset (beside the repository).</summary>
public static class DevsetPhotos
{
    private static readonly Lazy<IReadOnlyList<(string File, string Expected)>> s_labels = new(LoadLabels);

    public static string Root { get; } = FindRoot();

    public static string ImagesDirectory => Path.Combine(Root, "images");

    public static IReadOnlyList<(string File, string Expected)> Labels => s_labels.Value;

    /// <summary>A devset photo in front of a light grey wall whose only failure is background.color: one the fix is
    /// offered for and repairs (the darker coloured walls also read as a light top against them, which the fix does
    /// not repair).</summary>
    public const string GreyWall = "1910764694.jpg";

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(ImagesDirectory, file));

    /// <summary>
    /// The devset photo as <paramref name="owner"/>'s own file: a JPEG comment naming the owner right after the start
    /// marker makes the bytes differ per person while the pixels stay the same (the site refuses one file offered for
    /// two people, and the tests reuse a few devset photos for many people). Same owner, same bytes.
    /// </summary>
    public static byte[] ReadAs(string file, string owner)
    {
        byte[] photo = Read(file);
        byte[] text = System.Text.Encoding.UTF8.GetBytes("test photo of " + owner);
        int length = text.Length + 2;
        byte[] stamped = new byte[photo.Length + 2 + length];
        photo.AsSpan(0, 2).CopyTo(stamped); // SOI
        stamped[2] = 0xFF;
        stamped[3] = 0xFE; // COM
        stamped[4] = (byte)(length >> 8);
        stamped[5] = (byte)length;
        text.CopyTo(stamped, 6);
        photo.AsSpan(2).CopyTo(stamped.AsSpan(6 + text.Length));
        return stamped;
    }

    /// <summary>First <paramref name="count"/> photos labelled <paramref name="expected"/> ("compliant" or a rule id).</summary>
    public static IReadOnlyList<string> WithLabel(string expected, int count) =>
        [.. Labels.Where(l => l.Expected == expected).Select(l => l.File).Order(StringComparer.Ordinal).Take(count)];

    private static IReadOnlyList<(string, string)> LoadLabels() =>
        [.. File.ReadAllLines(Path.Combine(Root, "labels.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(cols => cols.Length >= 2)
            .Select(cols => (cols[0], cols[1]))];

    private static string FindRoot([CallerFilePath] string source = "")
    {
        // tests/SocialCard.Web.Tests/Infrastructure/DevsetPhotos.cs -> repository root -> ../shared
        for (DirectoryInfo? dir = new FileInfo(source).Directory; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "photos", "devset");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine("/work", "shared", "photos", "devset");
    }
}
