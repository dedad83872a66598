using Microsoft.Extensions.Options;
using SocialCard.Web.Features.RegistrationForm;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

public sealed class RegistrationFormGeneratorTests
{
    public static RegistrationFormData Sample(byte[]? photo = null) => new()
    {
        ApplicationReference = "CD00000042",
        SubmittedAt = new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.FromHours(8)),
        Name = "张小明",
        Gender = "男",
        Nationality = "中国",
        IdTypeName = "居民身份证(户口簿)",
        IdNumber = ApplicantData.ApplicantId,
        IdValidFrom = new DateOnly(2015, 7, 17),
        IdValidUntil = new DateOnly(2035, 7, 17),
        IdIssuingAuthority = "成都市公安局武侯区分局",
        SocialSecurityNumber = ApplicantData.ApplicantSsn,
        Mobile = "13800138000",
        InsuredUnitCode = ApplicantData.InsuredUnitCode,
        InsuredUnitName = ApplicantData.InsuredUnitName,
        WorkUnit = ApplicantData.WorkUnitName,
        WorkUnitLevel2 = ApplicantData.Level2Name,
        BankName = "成都银行",
        BankBranch = ApplicantData.BankBranch,
        HouseholdAddress = "成都市武侯区洗面桥横街12号",
        ResidentialAddress = "成都市金牛区一环路北一段99号",
        PostalCode = "610041",
        OccupationCode = "2",
        OccupationName = "专业技术人员",
        EducationCode = "20",
        EducationName = "大学本科教育",
        PhotoJpeg = photo,
        OccupationLegend = [new("1", "单位负责人"), new("2", "专业技术人员"), new("Y", "其他")],
        EducationLegend = [new("10", "研究生教育"), new("20", "大学本科教育")],
    };

    /// <summary>The sample data are a Chengdu applicant's: the Chengdu sample centre prints them.</summary>
    private static readonly RegistrationFormGenerator Generator = new(Options.Create(new RegistrationFormOptions()), Options.Create(CentreSamples.Chengdu()));

    [Fact]
    public void The_form_title_and_hotline_are_the_centres()
    {
        string chengdu = PdfTools.Text(Generator.Generate(Sample()));
        Assert.Contains("成都市社会保障卡申办登记表", chengdu, StringComparison.Ordinal);
        Assert.Contains("028-86245818", chengdu, StringComparison.Ordinal);

        var demo = new SocialCard.Platform.Centre.CentreOptions();
        string other = PdfTools.Text(new RegistrationFormGenerator(Options.Create(new RegistrationFormOptions()), Options.Create(demo)).Generate(Sample()));
        Assert.Contains(demo.FormTitle.Zh, other, StringComparison.Ordinal);
        Assert.Contains(demo.Hotline, other, StringComparison.Ordinal);
        Assert.DoesNotContain("成都市社会保障卡申办登记表", other, StringComparison.Ordinal);
        Assert.DoesNotContain("028-86245818", other, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_is_one_a4_page_with_every_field_in_its_text()
    {
        byte[] pdf = Generator.Generate(Sample(DevsetPhotos.Read(DevsetPhotos.WithLabel("compliant", 1)[0])));
        string text = PdfTools.Text(pdf);
        foreach (string expected in new[]
                 {
                     "成都市社会保障卡申办登记表", "张小明", ApplicantData.ApplicantId, "2015.07.17 - 2035.07.17", "成都市公安局武侯区分局",
                     ApplicantData.ApplicantSsn, ApplicantData.InsuredUnitName, ApplicantData.WorkUnitName, ApplicantData.Level2Name,
                     "● 成都银行", "○ 工商银行", ApplicantData.BankBranch, "610041", "13800138000", "专业技术人员", "大学本科教育",
                     "成都市武侯区洗面桥横街12号", "申请人（监护人/代办人）签名", "审核人（签字或签章）", "职业类型代码", "学历代码", "CD00000042",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        string info = PdfTools.Run("pdfinfo", pdf);
        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Matches(@"Page size:\s+595(\.\d+)? x 842", info);
    }

    [Fact]
    public void Fonts_are_embedded_and_subset()
    {
        byte[] pdf = Generator.Generate(Sample());
        string fonts = PdfTools.Run("pdffonts", pdf);
        string[] rows = [.. fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0)];
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Matches(@"\byes\s+yes\s+(yes|no)\s+\d+", row)); // embedded and subset
        Assert.Contains(rows, row => row.Contains("CID TrueType", StringComparison.Ordinal) && row.Contains("Identity-H", StringComparison.Ordinal));
        Assert.InRange(pdf.Length, 1_000, 2_000_000);
    }

    [Fact]
    public void The_photo_is_drawn_in_its_box()
    {
        byte[] without = Generator.Generate(Sample());
        byte[] with = Generator.Generate(Sample(DevsetPhotos.Read(DevsetPhotos.WithLabel("compliant", 1)[0])));
        Assert.Contains("请在此处粘贴照片", PdfTools.Text(without), StringComparison.Ordinal);
        Assert.DoesNotContain("请在此处粘贴照片", PdfTools.Text(with), StringComparison.Ordinal);
        string images = PdfTools.Run("pdfimages", with, "-list");
        Assert.Matches(@"\b358\s+441\b", images);
    }

    [Fact]
    public void The_page_renders_to_png()
    {
        byte[] png = PdfTools.FirstPagePng(Generator.Generate(Sample()), 50);
        Assert.Equal(0x89, png[0]);
        Assert.Equal((byte)'P', png[1]);
    }

    [Fact]
    public void A_ttc_collection_face_is_extracted_by_name()
    {
        const string noto = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
        Assert.True(File.Exists(noto), "fonts-noto-cjk is installed by setup.sh");
        byte[] collection = File.ReadAllBytes(noto);
        Assert.True(TrueTypeCollection.IsCollection(collection));
        Assert.Contains(TrueTypeCollection.FaceNames(collection), n => n.Contains("CJK SC", StringComparison.Ordinal));
        byte[] face = TrueTypeCollection.ExtractFace(collection, "CJK SC")!;
        Assert.Equal("OTTO"u8.ToArray(), face[..4]);
        Assert.False(TrueTypeCollection.IsCollection(face));
    }

    [Fact]
    public void A_qr_code_is_drawn_top_right()
    {
        // Vector-drawn modules: at 72 dpi 1 px = 1 pt; the 62 pt code sits at x 497-559, y 28-90.
        byte[] png = PdfTools.FirstPagePng(Generator.Generate(Sample()), 72);
        using SocialCard.Imaging.RgbImage page = SocialCard.Imaging.ImageDecoder.Decode(png);
        Assert.InRange(DarkShare(page, 500, 31, 56, 56), 0.3, 0.75);
        Assert.InRange(DarkShare(page, 430, 31, 56, 20), 0, 0.05);       // left of the code: blank
    }

    private static double DarkShare(SocialCard.Imaging.RgbImage image, int x0, int y0, int w, int h)
    {
        int dark = 0;
        for (int y = y0; y < y0 + h; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            for (int x = x0; x < x0 + w; x++)
            {
                dark += row[x * 3] < 100 ? 1 : 0;
            }
        }

        return (double)dark / (w * h);
    }
}
