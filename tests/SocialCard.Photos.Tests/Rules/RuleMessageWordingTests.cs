using SocialCard.Photos.Profiles;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules;

/// <summary>
/// Messages in a clerk's words: what a rule on the pixels or the face says about a failing (or warned) photo names what
/// is wrong and what to do, without measured numbers, model numbers or probabilities; the numbers stay in the finding's
/// Number and Limit (shown behind 详情). One devset photo per label (the first by name), full engine. The file and
/// container rules (size, pixel size, dpi, colour depth, damage) too: the measured size and the required one are in the
/// finding's Number, Text and Limit. Only file.name quotes the name it rejects and the naming rule, which the applicant
/// needs to rename the file.
/// </summary>
public sealed class RuleMessageWordingTests
{
    [Fact]
    public void Problems_on_the_file_the_pixels_and_the_face_are_told_without_numbers()
    {
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);
        string labels = Path.Combine(TestPhotos.DevsetDirectory, "labels.tsv");
        var firstPerLabel = System.IO.File.ReadLines(labels).Skip(1).Select(l => l.Split('\t'))
            .GroupBy(c => c[1], StringComparer.Ordinal)
            .Select(g => g.Select(c => c[0]).Order(StringComparer.Ordinal).First())
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var numeric = new List<string>();
        foreach (string file in firstPerLabel)
        {
            byte[] bytes = System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", file));
            foreach (var f in TestFaceEngine.Checker.Check(bytes, file, profile).Problems)
            {
                if (f.Rule == "file.name")
                {
                    continue;
                }

                seen.Add(f.Rule);
                if (f.Message.Zh.Any(char.IsAsciiDigit) || f.Message.En.Any(char.IsAsciiDigit) || f.Message.Zh.Contains('%', StringComparison.Ordinal))
                {
                    numeric.Add($"{file} {f.Rule}: {f.Message}");
                }
            }
        }

        Assert.True(seen.Count >= 12, $"only {seen.Count} rules failed on the sample: {string.Join(", ", seen)}");
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "file.size", "file.format", "image.dimensions", "image.dpi", "image.color-depth", "image.corrupt" }, seen);
        Assert.Empty(numeric);
    }
}
