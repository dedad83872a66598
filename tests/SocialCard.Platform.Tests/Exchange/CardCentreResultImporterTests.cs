using System.Text;
using SocialCard.Platform.Exchange;
using SocialCard.Platform.Tests.Batches;

namespace SocialCard.Platform.Tests.Exchange;

public sealed class CardCentreResultImporterTests
{
    private readonly CardCentreResultImporter _importer = new();

    [Fact]
    public void Valid_file_gives_typed_rows()
    {
        var csv = Utf8(
            "number,status,production_date,reason\n" +
            "3205000001,ingested,,\n" +
            "3205000002,voided,,人员编号在制卡数据库中不存在\n" +
            "3205000003,produced,2026-11-20,\n" +
            "3205000004,failed,,无照片\n" +
            "3205000005,picked_up,2026-10-01,\n");

        var result = _importer.Parse(csv);

        Assert.True(result.IsClean);
        Assert.False(result.IsRejected);
        Assert.Equal("utf-8", result.EncodingName);
        Assert.Equal(5, result.Rows.Count);
        Assert.Equal(new CardCentreResultRow(2, "3205000001", CardCentreResultStatus.Ingested, null, null), result.Rows[0]);
        Assert.Equal("人员编号在制卡数据库中不存在", result.Rows[1].Reason);
        Assert.Equal(new DateOnly(2026, 11, 20), result.Rows[2].ProductionDate);
        Assert.Equal(CardCentreResultStatus.Failed, result.Rows[3].Status);
        Assert.Equal(CardCentreResultStatus.PickedUp, result.Rows[4].Status);
        Assert.Equal(6, result.Rows[4].LineNumber);
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_numbers()
    {
        var csv = Utf8(
            "number,status,production_date,reason\r\n" +     // 1
            "3205000001,produced,2026-11-20,\r\n" +           // 2 ok
            "320500002,ingested,,\r\n" +                       // 3 short number
            "3205000003,lost,,\r\n" +                          // 4 unknown status
            "3205000004,produced,2026/11/20,\r\n" +           // 5 bad date
            "\r\n" +                                           // 6 blank, skipped
            "3205000005,produced,,\r\n" +                      // 7 missing date
            "3205000006,failed,,\"无照片，\r\n请补交\"\r\n" +  // 8-9 ok, reason spans two lines
            "3205000007,voided,,\r\n" +                        // 10 missing reason
            "3205000001,ingested,,\r\n" +                      // 11 duplicate of line 2
            "3205000008,ingested,\r\n" +                       // 12 three fields
            "3205000009,ingested,,\r\n");                      // 13 ok

        var result = _importer.Parse(csv);

        Assert.False(result.IsRejected);
        Assert.Equal([2L, 8L, 13L], result.Rows.Select(r => r.LineNumber));
        Assert.Equal("无照片，\r\n请补交", result.Rows[1].Reason);
        Assert.Equal([3L, 4L, 5L, 7L, 10L, 11L, 12L], result.Errors.Select(e => e.LineNumber));
        Assert.Equal("number", result.Errors[0].Column);
        Assert.Equal("status", result.Errors[1].Column);
        Assert.Equal("production_date", result.Errors[2].Column);
        Assert.Equal("production_date", result.Errors[3].Column);
        Assert.Equal("reason", result.Errors[4].Column);
        Assert.Contains("第2行", result.Errors[5].MessageZh, StringComparison.Ordinal);
        Assert.All(result.Errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.MessageZh));
            Assert.False(string.IsNullOrWhiteSpace(e.MessageEn));
        });
    }

    [Fact]
    public void Unbalanced_quotes_are_reported_with_their_line()
    {
        var csv = Utf8(
            "number,status,production_date,reason\n" +
            "3205000001,ingested,,\n" +
            "3205000002,failed,,\"无照片\" 多余\n" +
            "3205000003,ingested,,\n");

        var result = _importer.Parse(csv);

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("引号", error.MessageZh, StringComparison.Ordinal);
        Assert.Contains(result.Rows, r => r.PersonalNumber == "3205000001");
        Assert.DoesNotContain(result.Rows, r => r.PersonalNumber == "3205000002");
    }

    [Fact]
    public void Wrong_header_rejects_the_file()
    {
        var result = _importer.Parse(Utf8("number,state,production_date,reason\n3205000001,ingested,,\n"));

        Assert.True(result.IsRejected);
        Assert.Empty(result.Rows);
        Assert.Equal(1, Assert.Single(result.Errors).LineNumber);
    }

    [Fact]
    public void Header_columns_may_come_in_any_order_and_case_with_a_bom()
    {
        var csv = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8("Status,Number,Reason,Production_Date\nproduced,3205000001,,2026-11-20\n")).ToArray();

        var result = _importer.Parse(csv);

        Assert.True(result.IsClean);
        Assert.Equal(new DateOnly(2026, 11, 20), Assert.Single(result.Rows).ProductionDate);
    }

    [Fact]
    public void Gbk_file_is_decoded_as_gbk()
    {
        var csv = TestZip.Gbk.GetBytes("number,status,production_date,reason\n3205000001,failed,,无照片\n");

        var result = _importer.Parse(csv);

        Assert.Equal("gbk", result.EncodingName);
        Assert.Equal("无照片", Assert.Single(result.Rows).Reason);
    }

    [Fact]
    public void Same_bytes_give_the_same_content_hash_and_any_change_a_different_one()
    {
        var csv = Utf8("number,status,production_date,reason\n3205000001,ingested,,\n");
        var changed = Utf8("number,status,production_date,reason\n3205000001,ingested,,\n3205000002,ingested,,\n");

        var first = _importer.Parse(csv);
        var again = _importer.Parse(csv.ToArray());
        var other = _importer.Parse(changed);

        Assert.Equal(64, first.ContentSha256.Length);
        Assert.Equal(first.ContentSha256, again.ContentSha256);
        Assert.NotEqual(first.ContentSha256, other.ContentSha256);
        Assert.Matches("^[0-9a-f]{64}$", first.ContentSha256);
    }

    [Fact]
    public async Task Oversized_stream_is_rejected_without_reading_it_all()
    {
        var importer = new CardCentreResultImporter(maxBytes: 100);
        await using var stream = new NonSeekableStream(Utf8("number,status,production_date,reason\n" + string.Concat(Enumerable.Repeat("3205000001,ingested,,\n", 20))));

        var result = await importer.ParseAsync(stream);

        Assert.True(result.IsRejected);
        Assert.Equal(0, Assert.Single(result.Errors).LineNumber);
    }

    [Fact]
    public void Status_text_round_trips()
    {
        foreach (var status in Enum.GetValues<CardCentreResultStatus>())
        {
            var csv = Utf8($"number,status,production_date,reason\n3205000001,{CardCentreResultImporter.StatusText(status)},2026-01-02,r\n");
            Assert.Equal(status, Assert.Single(_importer.Parse(csv).Rows).Status);
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
