using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Reports;

namespace SocialCard.Platform.Tests.Exchange;

/// <summary>Pre-review and card-production failure lists as .xlsx and .csv (the Reports folder).</summary>
public sealed class FailureReportTests
{
    private static readonly DateTimeOffset Uploaded = new(2026, 11, 23, 1, 30, 15, TimeSpan.Zero); // 09:30:15 in Suzhou

    private static readonly PreReviewFailureRow[] PreReviewRows =
    [
        new("3205000001", "张*", "3205000001.jpg", PreReviewFailureReport.ResultFailed, "1. 图像模糊；2. 背景不是白色", PreReviewFailureReport.DefaultAdvice, Uploaded),
        new("3205000002", "欧阳**", "3205000002.jpg", PreReviewFailureReport.ResultUnmatched, "人员编号在制卡数据库中不存在", "请核对个人编号", Uploaded.AddMinutes(1)),
        new("3205000003", "=HYPERLINK(\"x\")", "3205000003.jpg", PreReviewFailureReport.ResultFailed, "文件大小不符合：10～40K", "请压缩", Uploaded),
    ];

    private static readonly CardProductionFailureRow[] ProductionRows =
    [
        new("3205000011", "李*", "无照片", "制卡失败", Uploaded),
        new("3205000012", "王**", "照片不合格，已作废", "制卡失败", Uploaded.AddDays(1)),
    ];

    [Fact]
    public void Pre_review_failure_xlsx_reads_back_with_header_values_widths_and_frozen_row()
    {
        var xlsx = WriteXlsx(s => PreReviewFailureReport.WriteXlsx(s, PreReviewRows));
        var sheet = XlsxSheet.Open(xlsx);

        Assert.Equal("预审不合格人员名单", sheet.SheetName);
        Assert.Equal(["序号", "个人编号", "姓名", "文件名", "预审结果", "不合格原因", "处理建议", "上传时间"],
            new[] { "A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1" }.Select(sheet.Text));
        Assert.Equal(1, sheet.Number("A2"));
        Assert.Equal(3, sheet.Number("A4"));
        Assert.True(sheet.IsText("B2"), "personal numbers must be text so leading zeros survive");
        Assert.Equal("3205000001", sheet.Text("B2"));
        Assert.Equal("张*", sheet.Text("C2"));
        Assert.Equal("欧阳**", sheet.Text("C3"));
        Assert.Equal("3205000002.jpg", sheet.Text("D3"));
        Assert.Equal("人员编号不匹配", sheet.Text("E3"));
        Assert.Equal("1. 图像模糊；2. 背景不是白色", sheet.Text("F2"));
        Assert.Equal("=HYPERLINK(\"x\")", sheet.Text("C4"));
        Assert.True(sheet.IsText("C4"), "a name that looks like a formula stays text");
        Assert.Null(sheet.Cells["C4"].CellFormula);
        Assert.Equal(new DateTime(2026, 11, 23, 9, 30, 15), DateTime.FromOADate(sheet.Number("H2")));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 31, 15), DateTime.FromOADate(sheet.Number("H3")));

        var pane = sheet.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1D, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var widths = sheet.Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(8, widths.Count);
        Assert.True(widths[5] > widths[0], "the reasons column is wider than the sequence column");
    }

    [Fact]
    public void Xlsx_files_pass_the_open_xml_validator()
    {
        foreach (var xlsx in new[]
        {
            WriteXlsx(s => PreReviewFailureReport.WriteXlsx(s, PreReviewRows)),
            WriteXlsx(s => CardProductionFailureReport.WriteXlsx(s, ProductionRows)),
            WriteXlsx(s => PreReviewFailureReport.WriteXlsx(s, [])),
        })
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
            var errors = new OpenXmlValidator().Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        }
    }

    [Fact]
    public void Card_production_failure_xlsx_reads_back()
    {
        var sheet = XlsxSheet.Open(WriteXlsx(s => CardProductionFailureReport.WriteXlsx(s, ProductionRows)));

        Assert.Equal(["个人编号", "姓名", "失败原因", "制卡状态", "更新时间"], new[] { "A1", "B1", "C1", "D1", "E1" }.Select(sheet.Text));
        Assert.Equal("3205000012", sheet.Text("A3"));
        Assert.Equal("王**", sheet.Text("B3"));
        Assert.Equal("照片不合格，已作废", sheet.Text("C3"));
        Assert.Equal("制卡失败", sheet.Text("D3"));
        Assert.Equal(new DateTime(2026, 11, 24, 9, 30, 15), DateTime.FromOADate(sheet.Number("E3")));
        Assert.Single(sheet.Worksheet.Descendants<Pane>());
    }

    [Fact]
    public void Xlsx_goes_to_a_non_seekable_stream_and_drops_xml_illegal_characters()
    {
        var rows = new[] { PreReviewRows[0] with { Name = "张\u0001三\uD800" } };
        using var sink = new WriteOnlyStream();

        PreReviewFailureReport.WriteXlsx(sink, rows, new FailureReportOptions { SheetName = "名单" });

        var sheet = XlsxSheet.Open(sink.ToArray());
        Assert.Equal("名单", sheet.SheetName);
        Assert.Equal("张三", sheet.Text("C2"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("名单/2026")]
    [InlineData("'quoted'")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二")]
    public void Invalid_sheet_names_are_refused(string sheetName)
    {
        using var stream = new MemoryStream();

        Assert.ThrowsAny<ArgumentException>(() => PreReviewFailureReport.WriteXlsx(stream, PreReviewRows, new FailureReportOptions { SheetName = sheetName }));
    }

    [Fact]
    public void Sheet_name_with_an_inner_apostrophe_stays_valid()
    {
        var xlsx = WriteXlsx(s => PreReviewFailureReport.WriteXlsx(s, PreReviewRows, new FailureReportOptions { SheetName = "O'Neil单位" }));

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Equal("'O''Neil单位'!$A$1:$H$4", document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single().Text);
    }

    [Fact]
    public void Pre_review_failure_csv_has_a_bom_and_round_trips()
    {
        var csv = WriteXlsx(s => PreReviewFailureReport.WriteCsv(s, PreReviewRows));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.StartsWith("序号,个人编号,姓名,文件名,预审结果,不合格原因,处理建议,上传时间\r\n", text, StringComparison.Ordinal);

        using var reader = CsvReader.Create(csv, new CsvReaderOptions());
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        Assert.Equal(PreReviewFailureReport.Headers, reader.Headers);
        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "3205000001", "张*", "3205000001.jpg", "预审不合格", "1. 图像模糊；2. 背景不是白色", PreReviewFailureReport.DefaultAdvice, "2026-11-23 09:30:15"], records[0]);
        Assert.Equal("欧阳**", records[1][2]);
        Assert.Equal("'=HYPERLINK(\"x\")", records[2][2]); // formula injection escaped
    }

    [Fact]
    public void Card_production_failure_csv_round_trips()
    {
        var csv = WriteXlsx(s => CardProductionFailureReport.WriteCsv(s, ProductionRows, new FailureReportOptions { DisplayOffset = TimeSpan.Zero }));

        using var reader = CsvReader.Create(csv, new CsvReaderOptions());
        Assert.True(reader.Read());
        Assert.Equal(["个人编号", "姓名", "失败原因", "制卡状态", "更新时间"], reader.Headers);
        Assert.Equal("3205000011", reader.GetString("个人编号"));
        Assert.Equal("无照片", reader.GetString("失败原因"));
        Assert.Equal("2026-11-23 01:30:15", reader.GetString("更新时间"));
        Assert.True(reader.Read());
        Assert.Equal("王**", reader.GetString("姓名"));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Row_from_a_voided_outcome_joins_the_chinese_reasons()
    {
        var entry = new BatchPhotoEntry("3205000001", "u/3205000001.jpg", "3205000001.jpg", [1], Uploaded);
        var outcome = new BatchEntryOutcome(entry, PreReviewDisposition.FailedPreReview,
            [new("a", "图像模糊", "blurred"), new("b", "深色背景", "dark background")], Uploaded);

        var row = PreReviewFailureReport.RowFromOutcome(outcome, "张*", Uploaded);

        Assert.Equal("1. 图像模糊；2. 深色背景", row.Reasons);
        Assert.Equal(PreReviewFailureReport.ResultFailed, row.Result);
        Assert.Equal("3205000001.jpg", row.FileName);
        Assert.Throws<ArgumentException>(() => PreReviewFailureReport.RowFromOutcome(
            outcome with { Disposition = PreReviewDisposition.ReadyForCardCentre }, "张*", Uploaded));
    }

    private static byte[] WriteXlsx(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private sealed class WriteOnlyStream : Stream
    {
        private readonly MemoryStream _inner = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public byte[] ToArray() => _inner.ToArray();

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
