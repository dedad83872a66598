using System.Globalization;
using System.Text;
using SocialCard.Imaging;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// No fringe of the old wall's hue at the edge of the head once the person is on white (<see cref="EdgeFringe"/>): the
/// devset originals (grey, blue and mottled walls) cut out up to and including the background step, the expression
/// ignored, measured above the chin.
/// </summary>
public sealed class EdgeFringeTests(ITestOutputHelper output)
{
    /// <summary>Share of the head's edge band off the person-to-white line. With the matte's opacity alone the outermost
    /// pixels the matte calls solid keep the wall's hue (a blue-purple rim on voteview_021735's bald head, 68.5%; nine
    /// photos over 15%, up to 34% on the blue and grey-blue walls); with the mix read from the colour at most 8.0%.</summary>
    private const double MaxFringe = 0.15;

    [Fact]
    public void The_edge_of_the_head_keeps_no_hue_of_the_old_wall()
    {
        var rows = new List<(double Share, string Name)>();
        PhotoFixer fixer = FixTestData.Fixer(new FixOptions { Recheck = false });
        foreach (string file in FixTestData.AllOriginals())
        {
            using var ctx = new FixContext(File.ReadAllBytes(file), "photo.jpg", FixTestData.SuzhouAnyExpression, FixOptions.Default, null);
            using RgbImage? crop = CutOut(fixer, ctx);
            if (crop is not null)
            {
                int chin = (int)ctx.OutputLandmarks![8].Y;
                rows.Add((EdgeFringe.Share(crop, ctx.Output!, ctx.Alpha!, chin), Path.GetFileNameWithoutExtension(file)));
            }
        }

        var sb = new StringBuilder();
        foreach ((double share, string name) in rows.OrderByDescending(r => r.Share).Take(12))
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{name,-18} {100 * share,5:0.0}%"));
        }

        output.WriteLine(sb.ToString());
        Assert.True(rows.Count >= 55, $"{rows.Count} cut out");
        Assert.True(rows.All(r => r.Share <= MaxFringe), $"fringe beyond {MaxFringe:P0}:\n{sb}");
    }

    /// <summary>Runs the steps up to and including the background step; the crop before it, or null when an earlier step refused.</summary>
    private static RgbImage? CutOut(PhotoFixer fixer, FixContext ctx)
    {
        foreach (IFixStep step in fixer.Steps)
        {
            RgbImage? crop = step.Id == "fix.background" ? ctx.Output!.Clone() : null;
            if (step.Apply(ctx).Outcome == FixStepOutcome.Failed)
            {
                crop?.Dispose();
                return null;
            }

            if (crop is not null)
            {
                return crop;
            }
        }

        return null;
    }
}
