using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialCard.Platform.Registry;

/// <summary>Reads the first sheet of an .xlsx or a UTF-8 .csv (BOM optional) into a <see cref="RegistryTable"/>.
/// Everything is read as text; numbers stored as numbers in Excel are written back without exponent.</summary>
public static class RegistryTableReader
{
    public static RegistryTable Read(Stream stream, RegistryFileFormat format) =>
        format == RegistryFileFormat.Xlsx ? ReadXlsx(stream) : ReadCsv(stream);

    public static RegistryFileFormat FormatFromFileName(string fileName) =>
        Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? RegistryFileFormat.Xlsx : RegistryFileFormat.Csv;

    private static RegistryTable ReadCsv(Stream stream)
    {
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvReader.FromText(text.ReadToEnd(), options);
        var headers = csv.Headers.ToArray();
        var rows = new List<string[]>();
        while (csv.Read())
        {
            // Keep list index + 2 == file line, so row errors point at the right line.
            var line = (int)csv.LineNumber;
            while (rows.Count + 2 < line)
            {
                rows.Add([]);
            }

            var record = new string[csv.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = csv.GetString(i) ?? string.Empty;
            }

            rows.Add(record);
        }

        return new RegistryTable(headers, rows);
    }

    private static RegistryTable ReadXlsx(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("The workbook has no workbook part.");
        var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("The workbook has no sheet.");
        var part = (WorksheetPart)wb.GetPartById(sheet.Id!.Value!);
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var data = part.Worksheet.GetFirstChild<SheetData>();
        var table = new SortedDictionary<int, string[]>();
        var width = 0;
        foreach (var row in data?.Elements<Row>() ?? [])
        {
            var cells = new Dictionary<int, string>();
            foreach (var c in row.Elements<Cell>())
            {
                var col = ColumnIndex(c.CellReference?.Value);
                cells[col] = CellText(c, shared);
                width = Math.Max(width, col + 1);
            }

            var index = (int)(row.RowIndex?.Value ?? (uint)(table.Count + 1));
            var arr = new string[cells.Count == 0 ? 0 : cells.Keys.Max() + 1];
            for (var i = 0; i < arr.Length; i++)
            {
                arr[i] = cells.GetValueOrDefault(i, string.Empty);
            }

            table[index] = arr;
        }

        if (table.Count == 0)
        {
            return new RegistryTable([], []);
        }

        var first = table.Keys.First();
        var last = table.Keys.Last();
        var rows = new List<string[]>();
        for (var r = first + 1; r <= last; r++)
        {
            rows.Add(table.GetValueOrDefault(r, []));
        }

        return new RegistryTable(table[first], rows);
    }

    private static string CellText(Cell c, string[] shared)
    {
        var raw = c.CellValue?.InnerText ?? string.Empty;
        if (c.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : string.Empty;
        }

        if (c.DataType?.Value == CellValues.InlineString)
        {
            return c.InlineString?.InnerText ?? string.Empty;
        }

        if ((c.DataType is null || c.DataType.Value == CellValues.Number) &&
            decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d.ToString(CultureInfo.InvariantCulture);
        }

        return raw;
    }

    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return 0;
        }

        var n = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            n = (n * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return n - 1;
    }
}
