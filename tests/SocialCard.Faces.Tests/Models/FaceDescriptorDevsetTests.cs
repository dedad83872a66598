using System.Globalization;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;
using Xunit.Abstractions;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// The same-face distance limit (<see cref="FaceDescriber.SamePersonLimit"/>) on the labelled development photos: every
/// pair of photos of one person (edited copies of one portrait: exposure, colour, crop, pose, background) lies below
/// it and every pair of different people above it, each with a margin, also when the limit is set without the person
/// left out (leave-one-person-out). Development figures: the photos are not independent shots of each person, and the
/// margins (0.056 and 0.063) are smaller than the distance between two copies of one photo (0.124).
/// </summary>
public sealed class FaceDescriptorDevsetTests(ITestOutputHelper output)
{
    /// <summary>Labels whose photos keep the face as taken (the defect lies in the file, the size, the background or the
    /// clothing): the photos the product compares, since one failing for its face pixels is refused before.</summary>
    private static readonly HashSet<string> Comparable = new(StringComparer.Ordinal)
    {
        "compliant", "file.size", "file.name", "file.format", "image.dimensions", "image.dpi", "image.color-depth",
        "background.color", "clothing.light", "face.position",
    };

    private static readonly Lazy<FaceRecognitionModel> s_model = new(() => FaceRecognitionModel.Load(TestPaths.ModelsDirectory));

    [Fact]
    public void Same_person_pairs_lie_below_the_limit_and_different_people_above_it_with_margins()
    {
        var analyzer = new FaceAnalyzer(SharedModels.Models);
        using var describer = new FaceDescriber(s_model.Value);
        var described = new List<(string Person, string File, float[] Descriptor)>();
        foreach (DevsetLabel label in DevsetLabel.All)
        {
            using RgbImage image = ImageDecoder.Decode(File.ReadAllBytes(label.ImagePath));
            FaceAnalysis analysis = analyzer.Analyze(image);
            if (analysis.Faces.Count == 1 && Comparable.Contains(label.Expected))
            {
                described.Add((label.Person, label.File, describer.Describe(image, analysis.Faces[0].Box)));
            }
        }

        var same = new List<(string Person, double Distance, string Files)>();
        var different = new List<(string A, string B, double Distance, string Files)>();
        for (int i = 0; i < described.Count; i++)
        {
            for (int j = i + 1; j < described.Count; j++)
            {
                double d = FaceDescriber.Distance(described[i].Descriptor, described[j].Descriptor);
                if (described[i].Person == described[j].Person)
                {
                    same.Add((described[i].Person, d, Lab(described[i].File) + " " + Lab(described[j].File)));
                }
                else
                {
                    different.Add((described[i].Person, described[j].Person, d, Lab(described[i].File) + " " + Lab(described[j].File)));
                }
            }
        }

        double maxSame = same.Max(p => p.Distance), minDifferent = different.Min(p => p.Distance);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{described.Count} photos with one face, {same.Count} same-person pairs (max {maxSame:0.000}, p99 {Quantile(same.Select(p => p.Distance), 0.99):0.000}), " +
            $"{different.Count} different-people pairs (min {minDifferent:0.000}, p1 {Quantile(different.Select(p => p.Distance), 0.01):0.000}); limit {FaceDescriber.SamePersonLimit}"));

        // Repeatability: copies of one photo that differ only in the file (name, format, dpi) or not at all.
        string[] copies = ["compliant", "file.name", "file.format", "image.dpi"];
        double repeatability = same.Where(p => p.Files.Split(' ').All(f => copies.Any(c => f.EndsWith(":" + c, StringComparison.Ordinal)))).Max(p => p.Distance);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"repeatability (copies of one photo): {repeatability:0.000}; margins {FaceDescriber.SamePersonLimit - maxSame:0.000} (same) and {minDifferent - FaceDescriber.SamePersonLimit:0.000} (different)"));
        // Not yet below the margins (0.124 measured; the box is the detector's, not aligned on the landmarks): the limit is
        // provisional, and a match is a look by centre staff, never a refusal. Held here so it cannot grow unnoticed.
        Assert.True(repeatability < 0.15, $"repeatability {repeatability}");

        // Leave one person out: a limit set midway on the others still separates that person's pairs.
        int wrong = 0;
        foreach (string person in described.Select(d => d.Person).Distinct())
        {
            double limit = (same.Where(p => p.Person != person).Max(p => p.Distance) + different.Where(p => p.A != person && p.B != person).Min(p => p.Distance)) / 2;
            wrong += same.Count(p => p.Person == person && p.Distance >= limit) + different.Count(p => (p.A == person || p.B == person) && p.Distance < limit);
        }

        output.WriteLine($"leave-one-person-out: {wrong} pairs on the wrong side");
        Assert.Equal(0, wrong);
        Assert.True(maxSame < FaceDescriber.SamePersonLimit - FaceDescriber.LimitMargin, $"max same-person distance {maxSame}");
        Assert.True(minDifferent > FaceDescriber.SamePersonLimit + FaceDescriber.LimitMargin, $"min different-people distance {minDifferent}");
    }

    private static string Lab(string file) => file + ":" + DevsetLabel.All.First(l => l.File == file).Expected;

    private static double Quantile(IEnumerable<double> values, double q)
    {
        double[] sorted = [.. values.Order()];
        return sorted[(int)Math.Clamp(Math.Round(q * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }
}
