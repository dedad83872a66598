using System.Globalization;
using System.Text;
using SocialCard.Imaging;
using SocialCard.Photos.Fixes.Steps;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// The separation alone on busy backgrounds (../shared/photos/busy-dev), measured against reference masks
/// (Data/busy-dev-masks/*.png, 1-bit, output scale 358x441, white = person; derived data, no photo): remnants of the
/// old background, a halo at the edge, and person pixels lost. How the references were made: <see cref="BusySeparation.DeriveReference"/>,
/// then each overlay was looked at and only masks that follow the hair and shoulders were kept. To redo them, set
/// SOCIALCARD_SEPARATION_OUT to a folder and run <see cref="Every_busy_dev_portrait_is_separated_alone_or_refused_with_a_code"/>:
/// it writes every derived mask, overlay, crop and cut-out there.
/// </summary>
public sealed class BusyDevSeparationTests(ITestOutputHelper output)
{
    /// <summary>Remnant limit: the cut-outs read 0.00-0.48% (fine light hair beyond the reference's edge counts too);
    /// the dark band of the wall the whole-photo pass alone leaves on voteview_020752 reads 6.3%.</summary>
    private const double MaxRemnant = 0.015;

    /// <summary>Halo limit: share of the 3 px ring outside the reference person left not white; loose, because the
    /// soft edge and light hair strands fall in that ring as well (cut-outs 2.8-27.7%).</summary>
    private const double MaxHalo = 0.40;

    /// <summary>Person lost: share of the clearly-person pixels (not white in the crop) whitened; measured up to 1.7%
    /// (voteview_020119, where the reference takes in a piece of the flag by the ear).</summary>
    private const double MaxLost = 0.03;

    /// <summary>The portraits of docs/fix-busy-backgrounds.png (a flag, a mottled backdrop, columns, foliage, a wood
    /// panel, a dark wall; a flag's grey stripe beside grey hair, red stripes beside a jaw and a neck; a flag seen through
    /// black and auburn hair, a flag's white lit by its red beside blonde hair, its red mixed into blonde strands), original
    /// crop beside the cut-out, written with the review sheets.</summary>
    private static readonly HashSet<string> ContactSheet = new(StringComparer.Ordinal)
    {
        "voteview_020119", "voteview_021300", "voteview_020108", "voteview_021159", "voteview_021104", "voteview_020752",
        "voteview_020328", "voteview_021940", "voteview_021368", "voteview_021738", "voteview_021902", "voteview_022121",
    };

    [Fact]
    public void Every_busy_dev_portrait_is_separated_alone_or_refused_with_a_code()
    {
        string? outDir = Environment.GetEnvironmentVariable("SOCIALCARD_SEPARATION_OUT");
        string[] files = [.. Directory.GetFiles(BusySeparation.OriginalsDir, "*.jpg").OrderBy(f => f, StringComparer.Ordinal)];
        Assert.Equal(139, files.Length);
        int separated = 0;
        var sheet = new List<(string Name, RgbImage Overlay)>();
        var contact = new List<RgbImage>();
        var refusals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            if (BusySeparation.Separate(File.ReadAllBytes(file), out string? refusal) is not var (crop, cutOut))
            {
                refusals[refusal!] = refusals.GetValueOrDefault(refusal!) + 1;
                continue;
            }

            using (crop)
            using (cutOut)
            {
                separated++;
                if (outDir is not null)
                {
                    Directory.CreateDirectory(outDir);
                    byte[] reference = BusySeparation.DeriveReference(crop);
                    File.WriteAllBytes(Path.Combine(outDir, name + ".png"), PngWriter.Mask(reference, crop.Width, crop.Height));
                    File.WriteAllBytes(Path.Combine(outDir, name + ".cutout.png"), PngWriter.Rgb(cutOut));
                    File.WriteAllBytes(Path.Combine(outDir, name + ".crop.png"), PngWriter.Rgb(crop));
                    using RgbImage overlay = BusySeparation.Overlay(crop, cutOut, reference);
                    sheet.Add((name, BusySeparation.Half(overlay)));
                    if (ContactSheet.Contains(name))
                    {
                        using RgbImage pair = BusySeparation.Overlay(crop, cutOut, new byte[reference.Length]);
                        contact.Add(BusySeparation.Half(pair));
                    }
                }
            }
        }

        // Review sheets of 12 overlays each (half scale), listed in sheets.txt.
        for (int first = 0; outDir is not null && first < sheet.Count; first += 12)
        {
            var page = sheet.Skip(first).Take(12).ToList();
            using RgbImage grid = BusySeparation.Grid([.. page.Select(p => p.Overlay)], 3);
            File.WriteAllBytes(Path.Combine(outDir, $"sheet{first / 12:00}.png"), PngWriter.Rgb(grid));
            File.AppendAllText(Path.Combine(outDir, "sheets.txt"), $"sheet{first / 12:00}: {string.Join(" ", page.Select(p => p.Name))}\n");
        }

        if (outDir is not null && contact.Count > 0)
        {
            using RgbImage grid = BusySeparation.Grid(contact, 3);
            File.WriteAllBytes(Path.Combine(outDir, "fix-busy-backgrounds.png"), PngWriter.Rgb(grid));
        }

        sheet.ForEach(p => p.Overlay.Dispose());
        contact.ForEach(p => p.Dispose());
        output.WriteLine($"busy-dev, separation alone: {separated}/{files.Length} cut out; refused before the background step: " +
            string.Join(", ", refusals.Select(kv => $"{kv.Key} {kv.Value}")));

        // Only what is not the separation's to judge stops it: two people, a double image, a face too small to enlarge.
        Assert.True(separated >= 110, $"{separated} cut out");
    }

    [Fact]
    public void Remnant_halo_and_lost_person_against_reference_masks()
    {
        string[] masks = [.. Directory.GetFiles(BusySeparation.MaskDir, "*.png").OrderBy(f => f, StringComparer.Ordinal)];
        Assert.True(masks.Length >= 12, $"{masks.Length} reference masks");
        var sb = new StringBuilder("photo              remnant   halo    lost\n");
        var failures = new List<string>();
        foreach (string path in masks)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            byte[] reference = BusySeparation.ReadMask(path, out int w, out int h);
            (RgbImage crop, RgbImage cutOut) = BusySeparation.Separate(File.ReadAllBytes(Path.Combine(BusySeparation.OriginalsDir, name + ".jpg")), out string? refusal)
                ?? throw new InvalidOperationException($"{name}: refused before the background step ({refusal})");
            using (crop)
            using (cutOut)
            {
                Assert.Equal((w, h), (cutOut.Width, cutOut.Height));
                (double remnant, double halo, double lost) = BusySeparation.Measure(crop, cutOut, reference);
                if (Environment.GetEnvironmentVariable("SOCIALCARD_SEPARATION_OUT") is { } outDir)
                {
                    using RgbImage overlay = BusySeparation.Overlay(crop, cutOut, reference);
                    File.WriteAllBytes(Path.Combine(outDir, name + ".overlay.png"), PngWriter.Rgb(overlay));
                }

                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{name,-18} {100 * remnant,6:0.00}% {100 * halo,6:0.0}% {100 * lost,6:0.00}%"));
                if (remnant > MaxRemnant || halo > MaxHalo || lost > MaxLost)
                {
                    failures.Add(name);
                }
            }
        }

        output.WriteLine(sb.ToString());
        Assert.True(failures.Count == 0, $"against the limits (remnant {MaxRemnant:P1}, halo {MaxHalo:P0}, lost {MaxLost:P0}): {string.Join(", ", failures)}\n{sb}");
    }

    /// <summary>
    /// The measure sees the damage the close pass repairs: with the whole-photo pass alone (the background step without
    /// the network) voteview_020752 keeps a dark band of the red-brown wall along the hair on the left, which the same
    /// remnant limit fails.
    /// </summary>
    [Fact]
    public void Whole_photo_pass_alone_keeps_the_dark_wall_beside_dark_hair()
    {
        const string name = "voteview_020752";
        byte[] reference = BusySeparation.ReadMask(Path.Combine(BusySeparation.MaskDir, name + ".png"), out _, out _);
        byte[] data = File.ReadAllBytes(Path.Combine(BusySeparation.OriginalsDir, name + ".jpg"));
        (RgbImage crop, RgbImage cutOut) = BusySeparation.Separate(data, out _, new BackgroundStep(null)) ?? throw new InvalidOperationException(name);
        using (crop)
        using (cutOut)
        {
            double remnant = BusySeparation.Measure(crop, cutOut, reference).Remnant;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}, whole-photo pass alone: remnant {100 * remnant:0.00}%"));
            Assert.True(remnant > MaxRemnant, $"remnant {remnant:P2}");
        }
    }
}
