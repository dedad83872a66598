namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>Reads the devset's labels.tsv.</summary>
internal static class DevsetLabels
{
    /// <summary>Full paths of the devset images whose expected outcome is <paramref name="expected"/>.</summary>
    public static IReadOnlyList<string> Files(string expected)
    {
        var files = new List<string>();
        foreach (string line in File.ReadLines(Path.Combine(FixTestData.DevsetRoot, "labels.tsv")).Skip(1))
        {
            string[] c = line.Split('\t');
            if (c.Length > 1 && c[1] == expected)
            {
                files.Add(Path.Combine(FixTestData.DevsetRoot, "images", c[0]));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>People every one of whose devset photos is labelled <paramref name="expected"/> (e.g. the people who
    /// smile in their original: only an expression.neutral photo could be made of them).</summary>
    public static HashSet<string> PeopleOnlyLabelled(string expected)
    {
        var all = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(FixTestData.DevsetRoot, "labels.tsv")).Skip(1))
        {
            string[] c = line.Split('\t');
            if (c.Length > 3)
            {
                all[c[3]] = all.GetValueOrDefault(c[3], true) && c[1] == expected;
            }
        }

        return [.. all.Where(kv => kv.Value).Select(kv => kv.Key)];
    }
}
