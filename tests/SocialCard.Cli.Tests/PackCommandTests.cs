using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Tests;

/// <summary><c>pack</c>: zips of at most 50 photos as &lt;unit&gt;/&lt;number&gt;.jpg, every photo checked first, failures next to the zips.</summary>
public sealed class PackCommandTests : IDisposable
{
    private const string Unit = "U320501";

    /// <summary>A photo that passes every rule: a devset original fixed by the pipeline.</summary>
    private static readonly Lazy<byte[]> s_good = new(() =>
    {
        var fixer = new PhotoFixer(CheckerFaceDetector.LoadDefault(FixCommandTests.Models));
        FixResult r = fixer.Fix(File.ReadAllBytes(FixCommandTests.Original("frl_london_013")), "a.jpg", SpecProfiles.Get(SpecProfiles.Suzhou), "3205000001");
        return r.Success ? r.Jpeg! : throw new InvalidOperationException("fixture photo refused: " + r.Refusal);
    });

    private readonly string _temp = Directory.CreateTempSubdirectory("sc-pack-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 2)]
    [InlineData(120, 3)]
    public void Packs_at_most_50_per_zip_as_unit_folder_and_number(int photos, int zips)
    {
        string dir = Folder(photos);
        string outDir = Path.Combine(_temp, "out");

        CliRun run = CliRun.Invoke("pack", dir, "--unit", Unit, "--out", outDir, "--models", FixCommandTests.Models);

        Assert.Equal(0, run.ExitCode);
        string[] written = [.. Directory.GetFiles(outDir, "*.zip").Order(StringComparer.Ordinal)];
        Assert.Equal(zips, written.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int z = 0; z < written.Length; z++)
        {
            Assert.Equal($"{Unit}-{z + 1:000}.zip", Path.GetFileName(written[z]));
            using ZipArchive archive = ZipFile.OpenRead(written[z]);
            Assert.InRange(archive.Entries.Count, 1, 50);
            foreach (ZipArchiveEntry e in archive.Entries)
            {
                Assert.Matches($"^{Unit}/[0-9]{{10}}\\.jpg$", e.FullName);
                Assert.True(names.Add(e.FullName));
                Assert.Equal(s_good.Value.Length, e.Length);
            }

            string listing = UnzipList(written[z]);
            Assert.Contains($"{Unit}/", listing, StringComparison.Ordinal);
            Assert.Contains($"{archive.Entries.Count} file", listing, StringComparison.Ordinal);
        }

        Assert.Equal(photos, names.Count);
        string csv = File.ReadAllText(Path.Combine(outDir, $"{Unit}-failures.csv"));
        Assert.Single(csv.Trim('\uFEFF', '\n').Split('\n')); // header only
    }

    [Fact]
    public void Mixed_folder_packs_only_passing_photos_and_lists_the_rest_next_to_the_zips()
    {
        string dir = Folder(3);
        File.Copy(Blurred(), Path.Combine(dir, "3205009991.jpg")); // a failing photo with a good name
        File.WriteAllBytes(Path.Combine(dir, "123456789.jpg"), s_good.Value); // 9 digits
        File.WriteAllBytes(Path.Combine(dir, "张三.jpg"), s_good.Value);
        File.WriteAllBytes(Path.Combine(dir, "32050000ab.jpg"), s_good.Value);
        string outDir = Path.Combine(_temp, "out");

        CliRun run = CliRun.Invoke("pack", dir, "--unit", Unit, "--out", outDir, "--format", "json", "--models", FixCommandTests.Models);

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(3, doc.RootElement.GetProperty("packed").GetInt32());
        JsonElement[] failures = [.. doc.RootElement.GetProperty("failures").EnumerateArray()];
        Assert.Equal(4, failures.Length);
        Assert.Contains(failures, f => f.GetProperty("file").GetString() == "3205009991.jpg" && f.GetProperty("code").GetString()!.Contains("sharpness.blur", StringComparison.Ordinal));
        Assert.Equal(3, failures.Count(f => f.GetProperty("code").GetString() == "name.not-10-digits"));
        Assert.Equal(7, doc.RootElement.GetProperty("photos").GetArrayLength());
        foreach (JsonElement photo in doc.RootElement.GetProperty("photos").EnumerateArray())
        {
            Assert.Contains(photo.GetProperty("verdict").GetString(), new[] { "pass", "warn", "fail", "error" });
            Assert.True(photo.GetProperty("findings").GetArrayLength() > 10);
        }

        using (ZipArchive archive = ZipFile.OpenRead(Path.Combine(outDir, $"{Unit}-001.zip")))
        {
            Assert.Equal(3, archive.Entries.Count);
            Assert.DoesNotContain(archive.Entries, e => e.FullName.Contains("3205009991", StringComparison.Ordinal));
        }

        string[] csv = File.ReadAllText(Path.Combine(outDir, $"{Unit}-failures.csv")).Trim('\uFEFF', '\n').Split('\n');
        Assert.Equal(5, csv.Length);
        Assert.Contains(csv, l => l.StartsWith("\"张三.jpg\",\"name.not-10-digits\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_unit_code_or_missing_folder_exit_2()
    {
        Assert.Equal(2, CliRun.Invoke("pack", Folder(1), "--unit", "../x", "--models", FixCommandTests.Models).ExitCode);
        Assert.Equal(2, CliRun.Invoke("pack", Path.Combine(_temp, "nope"), "--unit", Unit, "--models", FixCommandTests.Models).ExitCode);
        Assert.Equal(2, CliRun.Invoke("pack", Folder(1)).ExitCode); // --unit missing
    }

    [Fact]
    public void The_shared_options_keep_their_checks_in_pack()
    {
        CliRun html = CliRun.Invoke("pack", Folder(1), "--unit", Unit, "--format", "html", "--models", FixCommandTests.Models);
        Assert.Equal(2, html.ExitCode);
        Assert.Contains("pack 只支持 table 或 json 格式", html.Out + html.Error, StringComparison.Ordinal);
        CliRun jobs = CliRun.Invoke("pack", Folder(1), "--unit", Unit, "--jobs", "0", "--models", FixCommandTests.Models);
        Assert.Equal(2, jobs.ExitCode);
        Assert.Contains("--jobs 必须至少为 1", jobs.Out + jobs.Error, StringComparison.Ordinal);
    }

    private string Folder(int photos)
    {
        string dir = Path.Combine(_temp, "photos-" + photos.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        for (int i = 0; i < photos; i++)
        {
            File.WriteAllBytes(Path.Combine(dir, (3_205_000_001L + i).ToString(CultureInfo.InvariantCulture) + ".jpg"), s_good.Value);
        }

        return dir;
    }

    private static string Blurred()
    {
        foreach (string line in File.ReadLines(Path.Combine(DevsetPaths.Root, "labels.tsv")).Skip(1))
        {
            string[] cells = line.Split('\t');
            if (cells[1] == "sharpness.blur")
            {
                return DevsetPaths.Image(cells[0]);
            }
        }

        throw new InvalidOperationException("no blurred devset photo");
    }

    private static string UnzipList(string zip)
    {
        var psi = new ProcessStartInfo("unzip", ["-l", zip]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process p = Process.Start(psi)!;
        string listing = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return listing;
    }
}
