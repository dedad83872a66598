using System.Buffers;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialCard.Platform.Reports;

/// <summary>
/// Writes one worksheet: a bold, frozen, auto-filtered header row, set column widths, text as shared strings, times as
/// real Excel dates (<c>yyyy-mm-dd hh:mm:ss</c>).
/// </summary>
internal static class XlsxTableWriter
{
    private const uint HeaderStyle = 1;
    private const uint TimeStyle = 2;
    private const uint WrapStyle = 3;
    private const uint TimeFormatId = 164;

    private static readonly SearchValues<char> SheetNameForbidden = SearchValues.Create(@":\/?*[]");

    public static void Write<TRow>(Stream output, string sheetName, IReadOnlyList<ReportColumn<TRow>> columns, IEnumerable<TRow> rows, TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ValidateSheetName(sheetName);
        if (!output.CanSeek || !output.CanRead)
        {
            // The package format needs a seekable, readable stream; buffer and copy.
            using var buffer = new MemoryStream();
            Write(buffer, sheetName, columns, rows, offset);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();

        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = BuildStylesheet();

        var strings = new XlsxSharedStrings();
        var sheetData = new SheetData();
        var header = new Row { RowIndex = 1U };
        for (int c = 0; c < columns.Count; c++)
        {
            header.Append(TextCell(CellReference(c, 1), columns[c].Header, strings, HeaderStyle));
        }

        sheetData.Append(header);

        uint rowIndex = 1;
        int sequence = 0;
        foreach (var row in rows)
        {
            rowIndex++;
            sequence++;
            var line = new Row { RowIndex = rowIndex };
            for (int c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var value = column.Cell(row, sequence, offset);
                string reference = CellReference(c, rowIndex);
                if (value.Time is { } time)
                {
                    line.Append(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = TimeStyle,
                        CellValue = new CellValue(time.ToOADate().ToString("R", CultureInfo.InvariantCulture)),
                    });
                }
                else if (value.Number is { } number)
                {
                    line.Append(new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.Number,
                        CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                    });
                }
                else
                {
                    line.Append(TextCell(reference, value.Text ?? string.Empty, strings, column.Wrap ? WrapStyle : null));
                }
            }

            sheetData.Append(line);
        }

        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var cols = new Columns();
        for (int c = 0; c < columns.Count; c++)
        {
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = columns[c].Width, CustomWidth = true });
        }

        string lastColumn = ColumnName(columns.Count - 1);
        worksheetPart.Worksheet = new Worksheet(
            new SheetDimension { Reference = $"A1:{lastColumn}{rowIndex}" },
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = 1D,
                    TopLeftCell = "A2",
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            {
                TabSelected = true,
                WorkbookViewId = 0U,
            }),
            new SheetFormatProperties { DefaultRowHeight = 15D },
            cols,
            sheetData,
            new AutoFilter { Reference = $"A1:{lastColumn}{rowIndex}" });

        var sharedStringPart = workbookPart.AddNewPart<SharedStringTablePart>();
        sharedStringPart.SharedStringTable = strings.ToTable();

        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet
        {
            Id = workbookPart.GetIdOfPart(worksheetPart),
            SheetId = 1U,
            Name = sheetName,
        });

        // The auto filter needs its hidden defined name for Excel to keep it.
        workbookPart.Workbook.Append(new DefinedNames(new DefinedName
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = 0U,
            Hidden = true,
            Text = $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${lastColumn}${rowIndex}",
        }));
        workbookPart.Workbook.Save();
    }

    /// <summary>Excel's sheet-name rules: 1 to 31 characters, none of <c>: \ / ? * [ ]</c>, no apostrophe at either end.</summary>
    private static void ValidateSheetName(string sheetName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        if (sheetName.Length > 31 || sheetName.AsSpan().IndexOfAny(SheetNameForbidden) >= 0 || sheetName[0] == '\'' || sheetName[^1] == '\'')
        {
            throw new ArgumentException($"'{sheetName}' is not a valid worksheet name.", nameof(sheetName));
        }
    }

    internal static string ColumnName(int index)
    {
        var name = new StringBuilder();
        int n = index + 1;
        while (n > 0)
        {
            int rem = (n - 1) % 26;
            name.Insert(0, (char)('A' + rem));
            n = (n - 1) / 26;
        }

        return name.ToString();
    }

    private static string CellReference(int column, uint row) =>
        ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static Cell TextCell(string reference, string text, XlsxSharedStrings strings, uint? style)
    {
        var cell = new Cell
        {
            CellReference = reference,
            DataType = CellValues.SharedString,
            CellValue = new CellValue(strings.IndexOf(XmlSafe(text)).ToString(CultureInfo.InvariantCulture)),
        };
        if (style is { } s)
        {
            cell.StyleIndex = s;
        }

        return cell;
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates) so a bad name cannot break the file.</summary>
    private static string XmlSafe(string text)
    {
        bool clean = true;
        foreach (var c in text)
        {
            if (!XmlCharOk(c))
            {
                clean = false;
                break;
            }
        }

        if (clean && !HasLoneSurrogate(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && XmlCharOk(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool XmlCharOk(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF');

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static Stylesheet BuildStylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = TimeFormatId, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 1U },
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "等线" }))
        { Count = 2U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }))
        { Count = 3U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 2U, BorderId = 0U, FormatId = 0U, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = TimeFormatId, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyAlignment = true })
        { Count = 4U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
}
