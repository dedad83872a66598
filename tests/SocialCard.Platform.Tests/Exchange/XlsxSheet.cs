using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialCard.Platform.Tests.Exchange;

/// <summary>Reads back the first worksheet of an .xlsx with the OpenXML SDK.</summary>
internal sealed class XlsxSheet
{
    private XlsxSheet(Dictionary<string, Cell> cells, SharedStringTable? strings, Worksheet worksheet, string sheetName)
    {
        Cells = cells;
        Strings = strings;
        Worksheet = worksheet;
        SheetName = sheetName;
    }

    public Dictionary<string, Cell> Cells { get; }

    public SharedStringTable? Strings { get; }

    public Worksheet Worksheet { get; }

    public string SheetName { get; }

    public static XlsxSheet Open(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().First();
        var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
        var worksheet = (Worksheet)worksheetPart.Worksheet.CloneNode(true);
        var strings = (SharedStringTable?)workbookPart.SharedStringTablePart?.SharedStringTable.CloneNode(true);
        var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, StringComparer.Ordinal);
        return new XlsxSheet(cells, strings, worksheet, sheet.Name!.Value!);
    }

    public string Text(string reference)
    {
        var cell = Cells[reference];
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            int index = int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
            return Strings!.Elements<SharedStringItem>().ElementAt(index).InnerText;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        return cell.CellValue?.Text ?? string.Empty;
    }

    public bool IsText(string reference) =>
        Cells[reference].DataType?.Value == CellValues.SharedString || Cells[reference].DataType?.Value == CellValues.InlineString;

    public double Number(string reference) =>
        double.Parse(Cells[reference].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
}
