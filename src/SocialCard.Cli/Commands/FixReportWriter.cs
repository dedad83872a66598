using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using SocialCard.Photos;
using SocialCard.Photos.Fixes;

namespace SocialCard.Cli.Commands;

/// <summary>
/// The <c>fix</c> report. Table: one row per photo (result, output name, KB, what was done or why it was refused), then
/// a summary. JSON: <c>{"profile", "photos": [{"file", "verdict": "fixed|refused", "output", "number", "refusal":
/// {"code", "message": {"zh", "en"}} | null, "steps": [{"step", "outcome", "metric", "before", "after", "message"}],
/// "recheck": {"file", "verdict", "findings": [...]} | null}], "summary": {"total", "fixed", "refused"}}</c>; the
/// re-check is written exactly as <c>check --format json</c> writes a photo (same finding shape).
/// </summary>
internal static class FixReportWriter
{
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static void Table(IAnsiConsole console, string profileId, IReadOnlyList<FixOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"自动修复 / Auto-fix · {Markup.Escape(profileId)}");
        table.AddColumn("文件 / File");
        table.AddColumn("结果 / Result");
        table.AddColumn("输出 / Output");
        table.AddColumn(new TableColumn("KB").RightAligned());
        table.AddColumn("说明 / Notes");
        foreach (FixOutcome o in outcomes)
        {
            string kb = o.Result?.Jpeg is { } jpeg && o.Fixed ? (jpeg.Length / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) : string.Empty;
            string notes = o.Refusal is { } r
                ? r.Reason.Zh
                : string.Join("；", o.Result!.Report.Steps.Where(s => s.Outcome == FixStepOutcome.Applied && s.Step is not ("fix.decode" or "fix.face" or "fix.name")).Select(s => s.Step.Replace("fix.", string.Empty, StringComparison.Ordinal)));
            table.AddRow(
                new Text(o.Input.DisplayPath),
                new Markup(o.Fixed ? "[green]已修复 fixed[/]" : "[red]拒绝 refused[/]"),
                new Text(o.OutputPath is null ? "-" : Path.GetFileName(o.OutputPath)),
                new Text(kb),
                new Text(notes));
        }

        console.Write(table);
        int fixedCount = outcomes.Count(o => o.Fixed);
        console.MarkupLine($"共 {outcomes.Count} 张 / {outcomes.Count} photos: [green]已修复 {fixedCount} fixed[/], [red]拒绝 {outcomes.Count - fixedCount} refused[/]");
        foreach (IGrouping<string, FixOutcome> g in outcomes.Where(o => !o.Fixed).GroupBy(o => o.Refusal!.Value.Code).OrderByDescending(g => g.Count()))
        {
            console.MarkupLine($"  {Markup.Escape(g.Key)}: {g.Count()}");
        }
    }

    internal static string Json(string profileId, IReadOnlyList<FixOutcome> outcomes)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, s_options))
        {
            w.WriteStartObject();
            w.WriteString("profile", profileId);
            w.WriteStartArray("photos");
            foreach (FixOutcome o in outcomes)
            {
                WritePhoto(w, o);
            }

            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("total", outcomes.Count);
            w.WriteNumber("fixed", outcomes.Count(o => o.Fixed));
            w.WriteNumber("refused", outcomes.Count(o => !o.Fixed));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WritePhoto(Utf8JsonWriter w, FixOutcome o)
    {
        w.WriteStartObject();
        w.WriteString("file", o.Input.DisplayPath);
        w.WriteString("verdict", o.Fixed ? "fixed" : "refused");
        w.WriteString("output", o.OutputPath);
        w.WriteString("number", o.Number);
        if (o.Refusal is { } r)
        {
            w.WriteStartObject("refusal");
            w.WriteString("code", r.Code);
            WriteMessage(w, r.Reason.Zh, r.Reason.En);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("refusal");
        }

        w.WriteStartArray("steps");
        foreach (FixStepResult s in o.Result?.Report.Steps ?? [])
        {
            w.WriteStartObject();
            w.WriteString("step", s.Step);
            w.WriteString("outcome", s.Outcome.ToString().ToLowerInvariant());
            w.WriteString("metric", s.Metric);
            WriteNumber(w, "before", s.Before);
            WriteNumber(w, "after", s.After);
            WriteMessage(w, s.Reason.Zh, s.Reason.En);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (o.Result?.Recheck is { } recheck)
        {
            w.WritePropertyName("recheck");
            PhotoReportJson.WritePhoto(w, recheck);
        }
        else
        {
            w.WriteNull("recheck");
        }

        if (o.Result is not null)
        {
            w.WriteNumber("milliseconds", Math.Round(o.Result.Report.ElapsedMilliseconds, 1));
        }

        w.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter w, string zh, string en)
    {
        w.WriteStartObject("message");
        w.WriteString("zh", zh);
        w.WriteString("en", en);
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, Math.Round(v, 4));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
