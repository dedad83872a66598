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
