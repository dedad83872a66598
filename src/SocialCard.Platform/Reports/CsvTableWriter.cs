using System.Globalization;
using CsvHelper;

namespace SocialCard.Platform.Reports;

/// <summary>
/// Writes a report as CSV: UTF-8 with a byte-order mark (so Excel on a Chinese Windows opens it as UTF-8, not GBK),
/// CRLF line ends, Chinese header, times as <c>yyyy-MM-dd HH:mm:ss</c>, and text cells starting with
/// <c>= + - @</c> escaped with <c>'</c> against formula injection.
/// </summary>
internal static class CsvTableWriter
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        NewLine = "\r\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static void Write<TRow>(Stream output, IReadOnlyList<ReportColumn<TRow>> columns, IEnumerable<TRow> rows, TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.Header);
        }

        csv.EndRecord();
        int sequence = 0;
        foreach (var row in rows)
        {
            sequence++;
            foreach (var column in columns)
            {
                var cell = column.Cell(row, sequence, offset);
                if (cell.Time is { } time)
                {
                    csv.WriteField(time.ToString(TimeFormat, CultureInfo.InvariantCulture));
                }
                else if (cell.Number is { } number)
                {
                    csv.WriteField(number.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    csv.WriteField(cell.Text ?? string.Empty);
                }
            }

            csv.EndRecord();
        }

        csv.Flush();
    }
}
