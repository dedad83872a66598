using System.Text;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;
using Xunit.Abstractions;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// Detector on the labelled devset: exactly one face on every <c>compliant</c> photo, and on <c>face.count</c> photos the
/// number their detail states (two people side by side -> 2, blank silhouette -> 0). Prints the table.
/// </summary>
public sealed class DevsetDetectionTests(ITestOutputHelper output)
{
    [Fact]
    public void Default_options_count_faces_as_labelled()
    {
        (int wrong, string table) = Evaluate(new FaceAnalyzerOptions());
        output.WriteLine(table);
        Assert.Equal(0, wrong);
    }

    private static (int Wrong, string Table) Evaluate(FaceAnalyzerOptions options)
    {
        var analyzer = new FaceAnalyzer(SharedModels.Models, options);
        var table = new StringBuilder();
        table.AppendLine($"input size {options.InputSize}, threshold {options.ScoreThreshold}");
        table.AppendLine("file            expected    want  got  scores            detail");
        int wrong = 0;
        foreach (DevsetLabel label in DevsetLabel.All.Where(l => l.Expected is "compliant" or "face.count"))
        {
            int want = label.Expected == "compliant" ? 1 : label.Detail.StartsWith("two people", StringComparison.Ordinal) ? 2 : 0;
            using RgbImage image = ImageDecoder.Decode(File.ReadAllBytes(label.ImagePath));
            FaceAnalysis analysis = analyzer.Analyze(image);
            int got = analysis.Faces.Count;
            string scores = string.Join(' ', analysis.Faces.Select(f => f.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));
            if (got != want)
            {
                wrong++;
            }

            table.AppendLine($"{label.File,-15} {label.Expected,-11} {want,4} {got,4}{(got == want ? "  " : " !")} {scores,-17} {label.Detail}");
        }

        table.AppendLine($"wrong: {wrong}");
        return (wrong, table.ToString());
    }
}
