using SocialCard.Photos.Analysis;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Rules.Background;

/// <summary>
/// <see cref="CutOutMeasure.Read"/> computes only where a reading can change; it gives the same readings, to the last
/// digit, as measuring every pixel of the band (<see cref="CutOutMeasureReference"/>), on both network passes of every
/// devset photo with a face. The cut-out rule's tests compare the two on every photo they judge as well
/// (<see cref="CutOutCascadeCheck"/>: compliant photos and their harmless changes, cheap cut-outs, fix outputs).
/// </summary>
public sealed class CutOutMeasureTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_devset_reading_equals_the_whole_band_measure()
    {
        int photos = 0, measured = 0;
        foreach (string file in Directory.GetFiles(Path.Combine(FixTestData.DevsetRoot, "images"), "*.jpg").Order(StringComparer.Ordinal))
        {
            using PhotoContext ctx = PhotoContext.Create(System.IO.File.ReadAllBytes(file), "1000000001.jpg", FixTestData.Suzhou, FixTestData.Detector, null, CheapCutOut.Segmenter);
            if (ctx.Image is not { } image || ctx.PrimaryFace is not { HasLandmarks: true } face)
            {
                continue;
            }

            photos++;
            foreach (var mask in new[] { ctx.CoarsePerson!, ctx.Person! })
            {
                CutOutReading reading = CutOutMeasure.Read(image, mask, face);
                AssertSame(CutOutMeasureReference.Read(image, mask, face), reading, Path.GetFileName(file));
                measured += reading.Measure is null ? 0 : 1;
            }
        }

        output.WriteLine($"{photos} photos with a face, {measured} of {2 * photos} readings measured");
        Assert.True(photos >= 400, $"only {photos} devset photos with a face");
        Assert.True(measured >= 700, $"only {measured} readings measured");
    }

    /// <summary>The readings of <paramref name="actual"/> equal the reference's, bit for bit.</summary>
    internal static void AssertSame(CutOutMeasureReference.Reading expected, CutOutReading actual, string what)
    {
        Assert.True(expected.BackgroundLevel == actual.BackgroundLevel, $"{what}: background level {actual.BackgroundLevel}, reference {expected.BackgroundLevel}");
        Assert.True(expected.PersonAtFace.Equals(actual.PersonAtFace), $"{what}: person at face");
        Assert.True(expected.Measured == actual.Measure is not null, $"{what}: measured {actual.Measure is not null}, reference {expected.Measured}");
        if (actual.Measure is { } m)
        {
            Assert.True(expected.RemnantShare.Equals(m.RemnantShare), $"{what}: remnant {m.RemnantShare:R}, reference {expected.RemnantShare:R}");
            Assert.True(expected.HaloShare.Equals(m.HaloShare), $"{what}: halo {m.HaloShare:R}, reference {expected.HaloShare:R}");
            Assert.True(expected.SkullCut.Equals(m.SkullCut), $"{what}: skull {m.SkullCut:R}, reference {expected.SkullCut:R}");
            Assert.True(expected.Jaggedness.Equals(m.Jaggedness), $"{what}: jagged {m.Jaggedness:R}, reference {expected.Jaggedness:R}");
        }
    }
}
