namespace SocialCard.Faces.Tests.TestUtilities;

/// <summary>Rows of ../shared/photos/devset/labels.tsv (relative to the repository root).</summary>
internal sealed record DevsetLabel(string File, string Expected, string Detail, string Person)
{
    public string ImagePath => Path.Combine(TestPaths.Devset, "images", File);

    public static IReadOnlyList<DevsetLabel> All { get; } = Load();

    private static DevsetLabel[] Load()
    {
        string[] lines = System.IO.File.ReadAllLines(Path.Combine(TestPaths.Devset, "labels.tsv"));
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c => new DevsetLabel(c[0], c[1], c[2], c[3])).ToArray();
    }
}
