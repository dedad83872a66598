using System.Text.Encodings.Web;
using System.Text.Json;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos;

/// <summary>
/// Writes reports as
/// <c>{"profile": "...", "photos": [{"file": "...", "verdict": "pass|warn|fail|error", "findings": [{"rule", "outcome",
/// "value", "limit", "message": {"zh", "en"}}]}]}</c>: camelCase, outcome and verdict lower-case, value a number, a
/// string or null, Chinese written as is (not \u-escaped).
/// </summary>
public static class PhotoReportJson
{
    private static readonly JsonWriterOptions s_indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(string profileId, IEnumerable<PhotoReport> reports, bool indented = true)
    {
        using var stream = new MemoryStream();
        Write(stream, profileId, reports, indented);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Stream stream, string profileId, IEnumerable<PhotoReport> reports, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(reports);
        using var writer = new Utf8JsonWriter(stream, indented ? s_indented : s_compact);
        Write(writer, profileId, reports);
    }

    public static void Write(Utf8JsonWriter writer, string profileId, IEnumerable<PhotoReport> reports)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reports);
        writer.WriteStartObject();
        writer.WriteString("profile", profileId);
        writer.WriteStartArray("photos");
        foreach (PhotoReport report in reports)
        {
            WritePhoto(writer, report);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    public static void WritePhoto(Utf8JsonWriter writer, PhotoReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("file", report.File);
        writer.WriteString("verdict", Name(report.Verdict));
        writer.WriteStartArray("findings");
        foreach (RuleFinding finding in report.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", finding.Rule);
            writer.WriteString("outcome", Name(finding.Outcome));
            writer.WritePropertyName("value");
            if (finding.Number is { } number && double.IsFinite(number))
            {
                writer.WriteNumberValue(number);
            }
            else if (finding.Text is { } text)
            {
                writer.WriteStringValue(text);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteString("limit", finding.Limit);
            writer.WriteStartObject("message");
            writer.WriteString("zh", finding.Message.Zh);
            writer.WriteString("en", finding.Message.En);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string Name(PhotoVerdict verdict) => verdict switch
    {
        PhotoVerdict.Pass => "pass",
        PhotoVerdict.Warn => "warn",
        PhotoVerdict.Fail => "fail",
        _ => "error",
    };

    public static string Name(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Pass => "pass",
        RuleOutcome.Warn => "warn",
        RuleOutcome.Fail => "fail",
        _ => "skip",
    };
}
