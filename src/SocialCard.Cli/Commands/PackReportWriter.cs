using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using SocialCard.Cli.Inputs;
using SocialCard.Photos;
using SocialCard.Photos.Packaging;

namespace SocialCard.Cli.Commands;

/// <summary>
/// The <c>pack</c> report. Table: the zips with their photo counts, then the photos left out and why. JSON:
/// <c>{"profile", "unit", "out", "zips": [{"file", "photos"}], "packed", "failures": [{"file", "code", "message":
/// {"zh", "en"}}], "failureReport", "photos": [check-shaped photo reports]}</c>.
/// </summary>
internal static class PackReportWriter
{
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static void Table(IAnsiConsole console, UnitPackage package, IReadOnlyList<string> written)
    {
        var zips = new Table().Border(TableBorder.Rounded).Title($"单位打包 / Unit packages · {Markup.Escape(package.UnitCode)}");
        zips.AddColumn("文件 / File");
        zips.AddColumn(new TableColumn("照片 / Photos").RightAligned());
        foreach (UnitPackageZip zip in package.Zips)
        {
            string path = written.FirstOrDefault(p => Path.GetFileName(p) == zip.FileName) ?? zip.FileName;
            zips.AddRow(new Text(path), new Text(zip.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        console.Write(zips);
        if (package.Failures.Count > 0)
        {
            var failures = new Table().Border(TableBorder.Rounded).Title("未打包 / Left out");
            failures.AddColumn("文件 / File");
            failures.AddColumn("代码 / Code");
            failures.AddColumn("原因 / Reason");
            foreach (PackageFailure f in package.Failures)
            {
                failures.AddRow(new Text(f.Name), new Text(f.Code), new Text(f.Reason.Zh));
            }

            console.Write(failures);
        }

        console.MarkupLine($"已打包 {package.PackedCount} 张，{package.Zips.Count} 个 zip / {package.PackedCount} photos packed in {package.Zips.Count} zip(s); " +
            $"[red]未打包 {package.Failures.Count} left out[/]: {Markup.Escape(written[^1])}");
    }

    internal static string Json(string profileId, UnitPackage package, string outDir, IReadOnlyList<PhotoInput> inputs)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, s_options))
        {
            w.WriteStartObject();
            w.WriteString("profile", profileId);
            w.WriteString("unit", package.UnitCode);
            w.WriteString("out", outDir);
            w.WriteStartArray("zips");
            foreach (UnitPackageZip zip in package.Zips)
            {
                w.WriteStartObject();
                w.WriteString("file", Path.Combine(outDir, zip.FileName));
                w.WriteNumber("photos", zip.Entries.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("packed", package.PackedCount);
            w.WriteStartArray("failures");
            foreach (PackageFailure f in package.Failures)
            {
                w.WriteStartObject();
                w.WriteString("file", f.Name);
                w.WriteString("code", f.Code);
                w.WriteStartObject("message");
                w.WriteString("zh", f.Reason.Zh);
                w.WriteString("en", f.Reason.En);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("failureReport", Path.Combine(outDir, package.FailureReportName));
            w.WriteStartArray("photos");
            for (int i = 0; i < package.Reports.Count; i++)
            {
                PhotoReport report = package.Reports[i];
                PhotoReportJson.WritePhoto(w, i < inputs.Count ? report with { File = inputs[i].DisplayPath } : report);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
