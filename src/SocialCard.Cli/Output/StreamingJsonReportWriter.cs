using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SocialCard.Photos;

namespace SocialCard.Cli.Output;

/// <summary>
/// Writes the JSON report of <see cref="PhotoReportJson"/> (same shape, same indentation, byte for byte) one photo at a
/// time: each photo is written and flushed as its report arrives, so nothing waits for the whole folder and the report
/// is never held in memory as one string. Given a byte stream, the UTF-8 the JSON writer makes goes to it as it is;
/// given only a text writer, it is decoded to text for it.
/// </summary>
internal sealed class StreamingJsonReportWriter : IDisposable
{
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter? _output;
    private readonly Stream? _bytes;
    private readonly ArrayBufferWriter<byte>? _buffer;
    private readonly Utf8JsonWriter _json;

    internal StreamingJsonReportWriter(TextWriter output, string profileId)
    {
        _output = output;
        _buffer = new ArrayBufferWriter<byte>(16 * 1024);
        _json = new Utf8JsonWriter(_buffer, s_options);
        Start(profileId);
    }

    internal StreamingJsonReportWriter(Stream output, string profileId)
    {
        _bytes = output;
        _json = new Utf8JsonWriter(output, s_options);
        Start(profileId);
    }

    internal void Write(PhotoReport report)
    {
        PhotoReportJson.WritePhoto(_json, report);
        Flush();
    }

    /// <summary>Closes the array and the object and ends the line.</summary>
    internal void Complete()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        Flush();
        if (_bytes is not null)
        {
            _bytes.Write(Encoding.UTF8.GetBytes(Environment.NewLine));
            _bytes.Flush();
            return;
        }

        _output!.WriteLine();
        _output.Flush();
    }

    public void Dispose() => _json.Dispose();

    private void Start(string profileId)
    {
        _json.WriteStartObject();
        _json.WriteString("profile", profileId);
        _json.WriteStartArray("photos");
        Flush();
    }

    private void Flush()
    {
        _json.Flush();
        if (_bytes is not null)
        {
            _bytes.Flush();
            return;
        }

        _output!.Write(Encoding.UTF8.GetString(_buffer!.WrittenSpan));
        _buffer.ResetWrittenCount();
    }
}
