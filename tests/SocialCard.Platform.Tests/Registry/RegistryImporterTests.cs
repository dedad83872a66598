using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Registry;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Registry;

[Collection(PostgresCollection.Name)]
public sealed class RegistryImporterTests(PostgresServer server)
{
    private static readonly ManualTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    private const string UnitsCsv = """
        单位编号,单位名称,上级单位编号,开户银行,银行网点
        325520,中智四川经济技术合作有限公司,,成都银行,金牛支行
        325520-01,环路北一段分公司,325520,,
        325520-01-01,一组,325520-01,,
        325520-01-01-01,太深,325520-01-01,,
        999,坏银行,,火星银行,
        325521,,,,
        """;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Units_and_people_import_from_csv_with_row_errors(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Units_and_people_import_from_csv_with_row_errors));
        var importer = new RegistryImporter(t.Database, Clock);
        var units = await importer.ImportUnitsAsync(Utf8(UnitsCsv), RegistryFileFormat.Csv, "staff:admin");
        Assert.Equal(3, units.Inserted);
        Assert.Equal([5, 6, 7], units.Errors.Select(e => e.Row).Distinct().ToArray());
        Assert.Contains(units.Errors, e => e.Row == 6 && e.Field == "bank" && e.Zh.Contains("火星银行", StringComparison.Ordinal));

        var good1 = Samples.ResidentId("510107", "19870615");
        var good2 = Samples.ResidentId("320506", "19920101", 211); // odd sequence: male, as the row says
        var bad = good1[..17] + (good1[17] == '0' ? '1' : '0');
        var csv = $"""
            证件类型,证件号码,个人编号,姓名,性别,出生日期,手机号码,单位编号
            居民身份证,{good1},0137000001,张三,,,13812345678,325520-01-01
            居民身份证,{good2},0137000002,李四,男,1992-01-01,,325520

            居民身份证,{bad},0137000003,王五,,,,
            护照,E1234567,0137000004,John Smith,男,1980-05-05,12345,325520
            居民身份证,{good1},0137000005,重复,,,,
            居民身份证,{Samples.ResidentId()},013700000,坏编号,,,,nope
            居民身份证,{Samples.ResidentId("510107", "19900101", 213)},0137000006,错性别,女,,,
            """;
        var report = await importer.ImportPeopleAsync(Utf8(csv), RegistryFileFormat.Csv, "staff:admin");
        Assert.Equal(7, report.RowsRead);
        Assert.Equal(2, report.Inserted);
        Assert.Equal([5, 6, 7, 8, 9], report.Errors.Select(e => e.Row).Distinct().ToArray());
        Assert.Contains(report.Errors, e => e.Row == 5 && e.Field == "id_number" && e.Zh.Contains("校验位", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == 6 && e.Field == "countryCode");
        Assert.Contains(report.Errors, e => e.Row == 6 && e.Field == "phone");
        Assert.Contains(report.Errors, e => e.Row == 8 && e.Field == "unit_code");
        Assert.Contains(report.Errors, e => e.Row == 8 && e.Field == "personal_number");
        Assert.Contains(report.Errors, e => e.Row == 9 && e.Field == "gender" && e.En.Contains("does not match", StringComparison.Ordinal));

        await using var db = t.NewContext();
        var zhang = await db.People.Include(p => p.Unit).SingleAsync(p => p.PersonalNumber == "0137000001");
        Assert.Equal(new DateOnly(1987, 6, 15), zhang.BirthDate);
        Assert.Equal("325520-01-01", zhang.Unit!.Code);
        Assert.Equal("13812345678", zhang.Phone);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task People_import_from_xlsx_and_reimport_updates(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(People_import_from_xlsx_and_reimport_updates));
        var importer = new RegistryImporter(t.Database, Clock);
        var id = Samples.ResidentId("510104", "19750203", 124);
        var first = await importer.ImportPeopleAsync(Xlsx(["id_number", "personal_number", "name", "phone"], [[id, "0137000101", "赵六", "13912345678"]]),
            RegistryFileFormat.Xlsx, "staff:admin");
        Assert.Equal((1, 0), (first.Inserted, first.Updated));
        Assert.Empty(first.Errors);

        var second = await importer.ImportPeopleAsync(Xlsx(["证件号码", "个人编号", "姓名", "手机号码"], [[id, "0137000101", "赵六六", "13912340000"], [id, "0137000102", "冒名", ""]]),
            RegistryFileFormat.Xlsx, "staff:admin");
        Assert.Equal((0, 1), (second.Inserted, second.Updated));
        Assert.Single(second.Errors);
        Assert.Equal(3, second.Errors[0].Row);

        await using var db = t.NewContext();
        var p = await db.People.SingleAsync();
        Assert.Equal(("赵六六", "13912340000", Gender.Female), (p.Name, p.Phone, p.Gender));
    }

    [Fact]
    public void Dates_in_several_spellings_and_excel_serials_parse()
    {
        Assert.Equal(new DateOnly(1987, 6, 15), RegistryImporter.ParseDate("1987-06-15"));
        Assert.Equal(new DateOnly(1987, 6, 15), RegistryImporter.ParseDate("19870615"));
        Assert.Equal(new DateOnly(1987, 6, 15), RegistryImporter.ParseDate("1987/6/15"));
        Assert.Equal(new DateOnly(1987, 6, 15), RegistryImporter.ParseDate("1987年6月15日"));
        Assert.Equal(new DateOnly(1987, 6, 15), RegistryImporter.ParseDate("31943"));
        Assert.Null(RegistryImporter.ParseDate("15/06/1987"));
    }

    private static MemoryStream Utf8(string s) => new(Encoding.UTF8.GetBytes(s.Replace("\r\n", "\n", StringComparison.Ordinal)));

    private static MemoryStream Xlsx(string[] header, string[][] rows)
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            ws.Worksheet = new Worksheet(data);
            uint r = 1;
            foreach (var cells in new[] { header }.Concat(rows))
            {
                var row = new Row { RowIndex = r };
                for (var c = 0; c < cells.Length; c++)
                {
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(cells[c])),
                    });
                }

                data.Append(row);
                r++;
            }

            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "人员" }));
        }

        ms.Position = 0;
        return ms;
    }
}
