using System.Globalization;
using SocialCard.Photos.Fixes;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>One fix of every devset original with the suzhou-sscard profile (run once, shared by the devset tests).
/// Person numbers are assigned 1000000001, 1000000002, ... in file order.</summary>
internal static class DevsetRun
{
    private static readonly Lazy<IReadOnlyList<(string Person, byte[] Original, FixResult Result)>> s_results = new(Run);

    public static IReadOnlyList<(string Person, byte[] Original, FixResult Result)> Results => s_results.Value;

    private static List<(string, byte[], FixResult)> Run()
    {
        PhotoFixer fixer = FixTestData.Fixer();
        var list = new List<(string, byte[], FixResult)>();
        long number = 1_000_000_000;
        foreach (string file in FixTestData.AllOriginals())
        {
            number++;
            byte[] data = File.ReadAllBytes(file);
            list.Add((Path.GetFileNameWithoutExtension(file), data, fixer.Fix(data, Path.GetFileName(file), FixTestData.Suzhou, number.ToString(CultureInfo.InvariantCulture))));
        }

        return list;
    }
}
