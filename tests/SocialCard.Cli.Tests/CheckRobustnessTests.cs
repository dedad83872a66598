using System.Text.Json;
using SocialCard.Cli.Commands;
using SocialCard.Cli.Output;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Photos;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using Xunit.Abstractions;

namespace SocialCard.Cli.Tests;

/// <summary>
/// <c>check</c> over a folder where one file is degenerate: every other photo keeps the verdict it gets on its own,
/// the degenerate file gets a row of its own, and an engine that throws is an internal error (exit code 3) that loses
/// nothing else.
/// </summary>
public sealed class CheckRobustnessTests(ITestOutputHelper output) : IDisposable
{
    private const int GoodPhotos = 5;

    private readonly string _temp = Directory.CreateTempSubdirectory("sc-cli-robust-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> DegenerateFiles => ["one-pixel-high", "truncated", "empty", "random-bytes", "header-only"];

    [Theory]
    [MemberData(nameof(DegenerateFiles))]
    public void One_degenerate_file_loses_no_other_photo(string kind)
    {
        string folder = GoodFolder();
        Dictionary<string, string> alone = Verdicts(CliRun.Invoke("check", folder, "--format", "json", "--jobs", "1"));
        string bad = Path.Combine(folder, "0000000000-" + kind + ".jpg");
        File.WriteAllBytes(bad, Degenerate(kind));

        CliRun run = CliRun.Invoke("check", folder, "--format", "json", "--jobs", "2");
        output.WriteLine($"{kind}: exit {run.ExitCode} {run.Error}");

        Assert.True(run.ExitCode is ExitCodes.SomeFailed or ExitCodes.InternalError, $"exit {run.ExitCode}: {run.Error}");
        Dictionary<string, string> verdicts = Verdicts(run);
        Assert.Equal(GoodPhotos + 1, verdicts.Count);
        foreach ((string file, string verdict) in alone)
        {
            Assert.Equal(verdict, verdicts[file]);
        }

        Assert.Contains(verdicts[bad], new[] { "fail", "error" });
    }

    [Fact]
    public void An_engine_that_throws_is_an_internal_error_with_exit_code_3_and_every_other_photo_reported()
    {
        string folder = GoodFolder();
        string victim = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ElementAt(2);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var runner = new CheckRunner(
            new CliConsole(output, error, isInteractive: false),
            detector => new PhotoChecker([.. PhotoRules.All.Select(r => new ThrowingFor(r, Path.GetFileName(victim)))], detector));

        int code = runner.Run(new CheckOptions([folder], SpecProfiles.Suzhou, ReportFormat.Json, null, 2, null));

        Assert.Equal(ExitCodes.InternalError, code);
        Dictionary<string, string> verdicts = Verdicts(new CliRun(code, output.ToString(), error.ToString()));
        Assert.Equal(GoodPhotos, verdicts.Count);
        Assert.Equal("error", verdicts[victim]);
        Assert.All(verdicts.Where(v => v.Key != victim), v => Assert.Contains(v.Value, new[] { "pass", "warn", "fail" }));
        Assert.Contains(Path.GetFileName(victim), error.ToString(), StringComparison.Ordinal);
        Assert.Contains("内部错误", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_documents_the_exit_codes()
    {
        CliRun run = CliRun.Invoke("check", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3", run.Out, StringComparison.Ordinal);
        Assert.Contains("内部错误", run.Out, StringComparison.Ordinal);
        Assert.Contains("internal error", run.Out, StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Degenerate(string kind)
    {
        byte[] photo = File.ReadAllBytes(Directory.GetFiles(DevsetPaths.Images, "*.jpg").Order(StringComparer.Ordinal).First());
        switch (kind)
        {
            case "one-pixel-high":
                using (var image = new RgbImage(358, 1))
                {
                    image.Pixels.Fill(200);
                    return JpegEncoder.Encode(image, new JpegEncoderOptions { DensityDpi = 350 });
                }

            case "truncated":
                return photo[..(photo.Length / 2)];
            case "empty":
                return [];
            case "random-bytes":
                var bytes = new byte[20_000];
                new Random(7).NextBytes(bytes);
                return bytes;
            default:
                return photo[..Math.Min(photo.Length, 700)];
        }
    }

    private static Dictionary<string, string> Verdicts(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("photos").EnumerateArray()
            .ToDictionary(p => p.GetProperty("file").GetString()!, p => p.GetProperty("verdict").GetString()!, StringComparer.Ordinal);
    }

    private string GoodFolder()
    {
        string folder = Path.Combine(_temp, "photos");
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(DevsetPaths.Images, "*.jpg").Order(StringComparer.Ordinal).Take(GoodPhotos))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    /// <summary>A shipped rule that throws for one file name: an engine fault the CLI must contain.</summary>
    private sealed class ThrowingFor(IPhotoRule inner, string fileName) : IPhotoRule
    {
        public string Id => inner.Id;

        public RuleFinding Evaluate(PhotoContext context, SpecProfile profile) =>
            context.FileName == fileName ? throw new InvalidOperationException("engine fault") : inner.Evaluate(context, profile);
    }
}
