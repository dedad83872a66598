using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace SocialCard.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("sc-cli-").FullName;

    static CheckCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Json_over_a_folder_has_the_documented_shape_and_one_entry_per_photo()
    {
        string folder = CopyDevset(8);

        CliRun run = CliRun.Invoke("check", folder, "--profile", "suzhou-sscard", "--format", "json");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal("suzhou-sscard", doc.RootElement.GetProperty("profile").GetString());
        JsonElement photos = doc.RootElement.GetProperty("photos");
        Assert.Equal(8, photos.GetArrayLength());
        foreach (JsonElement photo in photos.EnumerateArray())
        {
            Assert.StartsWith(folder, photo.GetProperty("file").GetString(), StringComparison.Ordinal);
            Assert.Contains(photo.GetProperty("verdict").GetString(), new[] { "pass", "warn", "fail", "error" });
            foreach (JsonElement finding in photo.GetProperty("findings").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(finding.GetProperty("rule").GetString()));
                Assert.Contains(finding.GetProperty("outcome").GetString(), new[] { "pass", "warn", "fail", "skip" });
                Assert.True(finding.TryGetProperty("value", out _));
                Assert.True(finding.TryGetProperty("limit", out _));
                Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetProperty("zh").GetString()));
                Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetProperty("en").GetString()));
            }
        }
    }

    [Fact]
    public void A_compliant_photo_exits_0_and_a_defective_one_exits_1()
    {
        string compliant = DevsetFile("compliant");
        string blurred = DevsetFile("sharpness.blur");

        Assert.Equal(0, CliRun.Invoke("check", compliant, "--format", "json").ExitCode);
        CliRun failing = CliRun.Invoke("check", blurred, "--format", "json");
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("\"sharpness.blur\"", failing.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_face_models_are_a_usage_error_that_names_setup()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_temp, "no-models")).FullName;

        CliRun run = CliRun.Invoke("check", DevsetFile("compliant"), "--models", empty, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("./setup.sh", run.Error, StringComparison.Ordinal);
        Assert.Contains("人脸模型", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Zip_entries_are_read_in_memory_with_gbk_and_utf8_names()
    {
        byte[] photo = File.ReadAllBytes(DevsetFile("compliant"));
        string gbkZip = Path.Combine(_temp, "gbk.zip");
        using (var archive = new ZipArchive(File.Create(gbkZip), ZipArchiveMode.Create, leaveOpen: false, Encoding.GetEncoding(936)))
        {
            Write(archive, "单位/张三.jpg", photo);
        }

        string utf8Zip = Path.Combine(_temp, "utf8.zip");
        using (var archive = new ZipArchive(File.Create(utf8Zip), ZipArchiveMode.Create, leaveOpen: false, Encoding.UTF8))
        {
            Write(archive, "单位/李四.jpg", photo);
        }

        CliRun run = CliRun.Invoke("check", gbkZip, utf8Zip, "--format", "json");

        Assert.Contains("gbk.zip!单位/张三.jpg", run.Out, StringComparison.Ordinal);
        Assert.Contains("utf8.zip!单位/李四.jpg", run.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(_temp));
    }

    [Fact]
    public void A_missing_path_is_a_usage_error_with_exit_code_2()
    {
        CliRun run = CliRun.Invoke("check", Path.Combine(_temp, "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("找不到", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_or_format_is_a_usage_error()
    {
        Assert.Equal(2, CliRun.Invoke("check", DevsetPaths.Images, "--profile", "mars-id").ExitCode);
        Assert.Equal(2, CliRun.Invoke("check", DevsetPaths.Images, "--format", "pdf").ExitCode);
        Assert.Equal(2, CliRun.Invoke("check", DevsetPaths.Images, "--jobs", "0").ExitCode);
    }

    [Fact]
    public void Csv_has_a_bom_and_html_embeds_thumbnails_and_chinese_reasons()
    {
        string folder = CopyDevset(3);
        string csv = Path.Combine(_temp, "r.csv");
        string html = Path.Combine(_temp, "r.html");

        CliRun.Invoke("check", folder, "--format", "csv", "--out", csv);
        CliRun.Invoke("check", DevsetFile("background.color"), "--format", "html", "--out", html);

        byte[] csvBytes = File.ReadAllBytes(csv);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        Assert.StartsWith("file,verdict,rule", Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3), StringComparison.Ordinal);
        string page = File.ReadAllText(html);
        Assert.Contains("data:image/jpeg;base64,", page, StringComparison.Ordinal);
        Assert.Contains("背景", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_image_gets_verdict_error_not_an_exception()
    {
        string bogus = Path.Combine(_temp, "0123456789.jpg");
        File.WriteAllText(bogus, "this is not a photo");

        CliRun run = CliRun.Invoke("check", bogus, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal("error", doc.RootElement.GetProperty("photos")[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public void Results_keep_input_order_with_several_jobs()
    {
        string folder = CopyDevset(12);

        CliRun one = CliRun.Invoke("check", folder, "--format", "json", "--jobs", "1");
        CliRun two = CliRun.Invoke("check", folder, "--format", "json", "--jobs", "2");

        Assert.Equal(one.Out, two.Out);
    }

    [Fact]
    public void Json_written_as_bytes_to_standard_output_or_a_file_is_the_text_report_byte_for_byte()
    {
        string folder = CopyDevset(4);
        string file = Path.Combine(_temp, "report.json");

        CliRun text = CliRun.Invoke("check", folder, "--format", "json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var bytes = new MemoryStream();
        int code = CliApp.Run(["check", folder, "--format", "json"], new CliConsole(output, error, isInteractive: false, bytes));
        CliApp.Run(["check", folder, "--format", "json", "--out", file], new CliConsole(output, error, isInteractive: false));

        Assert.Equal(text.ExitCode, code);
        Assert.Equal("", output.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(text.Out), bytes.ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes(text.Out), File.ReadAllBytes(file));
    }

    private static void Write(ZipArchive archive, string name, byte[] bytes)
    {
        using Stream stream = archive.CreateEntry(name).Open();
        stream.Write(bytes);
    }

    private static string DevsetFile(string label)
    {
        foreach (string line in File.ReadLines(Path.Combine(DevsetPaths.Root, "labels.tsv")).Skip(1))
        {
            string[] cells = line.Split('\t');
            if (cells[1] == label)
            {
                return DevsetPaths.Image(cells[0]);
            }
        }

        throw new InvalidOperationException("no devset photo labelled " + label);
    }

    private string CopyDevset(int count)
    {
        string folder = Path.Combine(_temp, "photos");
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(DevsetPaths.Images, "*.jpg").Order(StringComparer.Ordinal).Take(count))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
