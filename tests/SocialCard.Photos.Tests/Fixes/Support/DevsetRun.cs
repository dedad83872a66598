using System.Globalization;
using SocialCard.Photos.Fixes;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>One fix of every devset original with the suzhou-sscard profile (run once, shared by the devset tests).
/// Person numbers are assigned 1000000001, 1000000002, ... in file order.</summary>
internal static class DevsetRun
{
    private static readonly Lazy<IReadOnlyList<(string Person, byte[] Original, FixResult Result)>> s_results = new(Run);

    private static readonly Lazy<IReadOnlyList<(string Person, byte[] Original, FixResult Result)>> s_pixels =
        new(() => Run(FixTestData.Fixer(new FixOptions { Recheck = false }), FixTestData.SuzhouAnyExpression));

    public static IReadOnlyList<(string Person, byte[] Original, FixResult Result)> Results => s_results.Value;

    /// <summary>The pipeline's output for every original whatever the expression, without the re-check (inputs for
    /// tests of the encoder, which do not care whether the person smiles).</summary>
    public static IReadOnlyList<(string Person, byte[] Original, FixResult Result)> Pixels => s_pixels.Value;

    private static List<(string, byte[], FixResult)> Run() => Run(FixTestData.Fixer(), FixTestData.Suzhou);

    private static List<(string, byte[], FixResult)> Run(PhotoFixer fixer, SocialCard.Photos.Profiles.SpecProfile profile)
    {
        var list = new List<(string, byte[], FixResult)>();
        long number = 1_000_000_000;
        foreach (string file in FixTestData.AllOriginals())
        {
            number++;
            byte[] data = File.ReadAllBytes(file);
            list.Add((Path.GetFileNameWithoutExtension(file), data, fixer.Fix(data, Path.GetFileName(file), profile, number.ToString(CultureInfo.InvariantCulture))));
        }

        return list;
    }
}
