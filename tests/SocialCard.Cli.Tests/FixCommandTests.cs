using System.Text.Json;
using SocialCard.Imaging.Inspection;

namespace SocialCard.Cli.Tests;

/// <summary><c>fix</c>: fixed photos written under the profile's name, refusals reported with reasons, check-shaped JSON.</summary>
public sealed class FixCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("sc-fix-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    internal static string Models => Path.Combine(RepoRoot(), "models", "face-api");

    internal static string Original(string person) => Path.Combine(DevsetPaths.Root, "originals", person + ".jpg");

    [Fact]
    public void Json_fixes_named_by_the_map_and_refuses_a_smile_with_the_reason()
    {
        string input = Inputs("frl_london_013", "frl_london_024", "voteview_021705");
        string map = Path.Combine(_temp, "map.csv");
        File.WriteAllText(map, "文件,编号\nfrl_london_013.jpg,3205000013\nfrl_london_024,3205000024\nvoteview_021705.jpg,3205021705\n");
        string outDir = Path.Combine(_temp, "fixed");

        CliRun run = CliRun.Invoke("fix", input, "--out", outDir, "--name-from", map, "--format", "json", "--models", Models, "--jobs", "2");

        Assert.Equal(1, run.ExitCode); // one photo refused
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal("suzhou-sscard", doc.RootElement.GetProperty("profile").GetString());
        JsonElement[] photos = [.. doc.RootElement.GetProperty("photos").EnumerateArray()];
        Assert.Equal(3, photos.Length);
        JsonElement smile = photos.Single(p => p.GetProperty("file").GetString()!.EndsWith("voteview_021705.jpg", StringComparison.Ordinal));
        Assert.Equal("refused", smile.GetProperty("verdict").GetString());
        Assert.Contains(smile.GetProperty("refusal").GetProperty("code").GetString(), (string[])["mouth.open", "expression.neutral"]); // the teeth
        Assert.False(string.IsNullOrEmpty(smile.GetProperty("refusal").GetProperty("message").GetProperty("zh").GetString()));
        Assert.Equal(JsonValueKind.Null, smile.GetProperty("output").ValueKind);
        foreach (JsonElement p in photos.Where(p => p.GetProperty("verdict").GetString() == "fixed"))
        {
            string output = p.GetProperty("output").GetString()!;
            Assert.Matches("^32050000(13|24)\\.jpg$", Path.GetFileName(output));
            Assert.True(File.Exists(output));
            ContainerInfo info = ContainerInspector.Inspect(File.ReadAllBytes(output));
            Assert.Equal((358, 441, 350.0), (info.Width, info.Height, info.DpiX ?? 0));
            Assert.InRange(new FileInfo(output).Length, 10 * 1024, 40 * 1024);
            JsonElement recheck = p.GetProperty("recheck");
            Assert.Equal("pass", recheck.GetProperty("verdict").GetString());
            foreach (JsonElement f in recheck.GetProperty("findings").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(f.GetProperty("rule").GetString()));
                Assert.Contains(f.GetProperty("outcome").GetString(), new[] { "pass", "warn", "skip" });
                Assert.True(f.TryGetProperty("value", out _));
                Assert.True(f.TryGetProperty("limit", out _));
                Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetProperty("en").GetString()));
            }

            Assert.Contains(p.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "fix.background");
        }

        Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("fixed").GetInt32());
        Assert.Equal(2, Directory.GetFiles(outDir).Length);
    }

    [Fact]
    public void Table_has_a_summary_and_without_a_map_keeps_the_name()
    {
        string input = Inputs("frl_london_013");
        string outDir = Path.Combine(_temp, "fixed");

        CliRun run = CliRun.Invoke("fix", input, "--out", outDir, "--models", Models);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("已修复 1 fixed", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "frl_london_013.jpg")));
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, CliRun.Invoke("fix", Original("frl_london_013")).ExitCode); // --out missing
        Assert.Equal(2, CliRun.Invoke("fix", Path.Combine(_temp, "nope.jpg"), "--out", _temp, "--models", Models).ExitCode);
        Assert.Equal(2, CliRun.Invoke("fix", Original("frl_london_013"), "--out", _temp, "--models", Path.Combine(_temp, "no-models")).ExitCode);
        Assert.Equal(2, CliRun.Invoke("fix", Original("frl_london_013"), "--out", _temp, "--format", "csv").ExitCode);
    }

    private string Inputs(params string[] people)
    {
        string dir = Path.Combine(_temp, "in");
        Directory.CreateDirectory(dir);
        foreach (string person in people)
        {
            File.Copy(Original(person), Path.Combine(dir, person + ".jpg"));
        }

        return dir;
    }

    internal static string RepoRoot() =>
        typeof(FixCommandTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
}
