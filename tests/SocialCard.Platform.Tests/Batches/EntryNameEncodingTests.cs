using System.Text;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Tests.Batches;

/// <summary>Chinese entry names: GBK without the UTF-8 flag (Windows' built-in zip) and UTF-8 with it.</summary>
public sealed class EntryNameEncodingTests
{
    private const ushort Utf8Flag = 1 << 11;
    private const string Unit = "园区单位01";

    [Fact]
    public void Gbk_names_without_the_utf8_flag_decode_as_gbk()
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/张三.jpg", TestZip.Photo(2))
            .Build(TestZip.Gbk);

        // Written the way Windows does it: GBK bytes, bit 11 clear.
        var records = TestZip.CentralRecords(zip);
        Assert.All(records, r => Assert.Equal(0, r.Flags & Utf8Flag));
        Assert.Equal(TestZip.Gbk.GetBytes(Unit + "/张三.jpg"), records[1].Name);
        Assert.False(System.Text.Unicode.Utf8.IsValid(records[1].Name), "GBK bytes of this name must not be valid UTF-8");

        var result = new UnitPackageIntake().Read(zip, Unit);

        Assert.False(result.IsPackageRefused);
        Assert.Equal(Unit + "/3205000001.jpg", Assert.Single(result.Accepted).EntryName);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(Unit + "/张三.jpg", refusal.EntryName);
        Assert.Equal(BatchRefusalCode.BadFileName, refusal.Code);
    }

    [Fact]
    public void Zip_written_like_windows_compressed_folder_with_gbk_names_is_read()
    {
        var p1 = TestZip.Photo(1);
        var p2 = TestZip.Photo(2);
        var zip = WindowsCompressedFolderZip.Build(Unit, [("3205000001.jpg", p1), ("3205000002.jpg", p2), ("张三.jpg", TestZip.Photo(3))],
            new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Unspecified));

        // What Explorer writes: the folder entry first, GBK name bytes, bit 11 clear, MS-DOS host, DOS attributes.
        var records = TestZip.CentralRecords(zip);
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Equal(0, r.Flags & Utf8Flag));
        Assert.Equal(TestZip.Gbk.GetBytes(Unit + "/"), records[0].Name);
        Assert.Equal(TestZip.Gbk.GetBytes(Unit + "/张三.jpg"), records[3].Name);
        Assert.False(System.Text.Unicode.Utf8.IsValid(records[0].Name), "the GBK folder name must not be valid UTF-8");
        Assert.All(records, r => Assert.Equal(0x0014, System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(r.Central + 4))));

        var result = new UnitPackageIntake().Read(zip, Unit);

        Assert.False(result.IsPackageRefused);
        Assert.Equal(["3205000001", "3205000002"], result.Accepted.Select(a => a.PersonalNumber));
        Assert.Equal(p1, result.Accepted[0].Bytes);
        Assert.Equal(p2, result.Accepted[1].Bytes);
        Assert.Equal(Unit + "/3205000001.jpg", result.Accepted[0].EntryName);
        Assert.Equal(new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Unspecified), result.Accepted[0].LastWriteTime.DateTime);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(Unit + "/张三.jpg", refusal.EntryName);
        Assert.Equal(BatchRefusalCode.BadFileName, refusal.Code);

        // Decoded as code page 437 (the zip spec's default) the folder would not match the unit: GBK really was used.
        Assert.NotEqual(Unit, CodePagesEncodingProvider.Instance.GetEncoding(437)!.GetString(records[0].Name).TrimEnd('/'));
    }

    [Fact]
    public void Utf8_names_with_the_flag_decode_as_utf8()
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/李四.jpg", TestZip.Photo(2))
            .Build(); // runtime default: UTF-8 and bit 11 for non-ASCII names

        var records = TestZip.CentralRecords(zip);
        Assert.All(records, r => Assert.NotEqual(0, r.Flags & Utf8Flag));
        Assert.Equal(Encoding.UTF8.GetBytes(Unit + "/李四.jpg"), records[1].Name);

        var result = new UnitPackageIntake().Read(zip, Unit);

        Assert.Single(result.Accepted);
        Assert.Equal(Unit + "/李四.jpg", Assert.Single(result.Refusals).EntryName);
    }

    [Fact]
    public void Utf8_names_without_the_flag_decode_as_utf8()
    {
        // macOS Archive Utility writes UTF-8 names and leaves bit 11 clear.
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/王五.jpg", TestZip.Photo(2))
            .Build();
        TestZip.PatchFlags(zip, 0, set: 0, clear: Utf8Flag);
        TestZip.PatchFlags(zip, 1, set: 0, clear: Utf8Flag);
        Assert.All(TestZip.CentralRecords(zip), r => Assert.Equal(0, r.Flags & Utf8Flag));

        var result = new UnitPackageIntake().Read(zip, Unit);

        Assert.Single(result.Accepted);
        Assert.Equal(Unit + "/王五.jpg", Assert.Single(result.Refusals).EntryName);
    }

    [Fact]
    public void Gbk_folder_named_after_a_chinese_unit_code_matches()
    {
        var zip = new TestZip().Add("苏州工业园区/3205000001.jpg", TestZip.Photo(1)).Build(TestZip.Gbk);

        Assert.Single(new UnitPackageIntake().Read(zip, "苏州工业园区").Accepted);
        Assert.True(new UnitPackageIntake().Read(zip, "苏州工业园").IsPackageRefused);
    }

    [Theory]
    [InlineData("张三")]
    [InlineData("欧阳娜娜")]
    [InlineData("3205000001-王小明")]
    public void Name_encoding_picks_gbk_for_gbk_bytes_and_utf8_for_utf8_bytes(string name)
    {
        Assert.Equal(name, ZipNameEncoding.Instance.GetString(TestZip.Gbk.GetBytes(name)));
        Assert.Equal(name, ZipNameEncoding.Instance.GetString(Encoding.UTF8.GetBytes(name)));
    }
}
