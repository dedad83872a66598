using SocialCard.Platform.Domain.Codes;
using SocialCard.Platform.Domain.Validation;

namespace SocialCard.Platform.Tests.Domain;

public sealed class InputRulesTests
{
    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("19912345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("138123456789", false)]
    [InlineData("+8613812345678", false)]
    [InlineData(null, false)]
    public void Mobile_numbers(string? phone, bool ok) => Assert.Equal(ok, InputRules.MobilePhone(phone) is null);

    [Theory]
    [InlineData("610041", true)]
    [InlineData("61004", false)]
    [InlineData("61004a", false)]
    public void Postal_codes(string code, bool ok) => Assert.Equal(ok, InputRules.PostalCode(code) is null);

    [Theory]
    [InlineData("0137000001", true)]
    [InlineData("013700000", false)]
    [InlineData("01370000011", false)]
    [InlineData("01370O0001", false)]
    public void Personal_numbers(string pn, bool ok) => Assert.Equal(ok, InputRules.PersonalNumber(pn) is null);

    [Theory]
    [InlineData("E12345678", "USA", true)]
    [InlineData("ab12345", "gbr", true)]
    [InlineData("1234", "USA", false)]
    [InlineData("A1234567890123456789X", "USA", false)]
    [InlineData("E1234-678", "USA", false)]
    [InlineData("E12345678", "", false)]
    [InlineData("E12345678", "CHN", false)]
    [InlineData("E12345678", "US", false)]
    public void Passports_need_a_number_and_a_foreign_country(string number, string country, bool ok) =>
        Assert.Equal(ok, InputRules.Passport(number, country) is null);

    [Fact]
    public void Id_validity_must_end_more_than_four_months_after_submission_as_in_the_seed()
    {
        var entered = new DateOnly(2017, 6, 27);
        var from = new DateOnly(2015, 7, 17);
        var e = InputRules.IdValidity(from, new DateOnly(2017, 10, 27), false, entered);
        Assert.NotNull(e);
        Assert.Contains("2017年10月27日", e.Zh, StringComparison.Ordinal);
        Assert.Contains("2017-10-27", e.En, StringComparison.Ordinal);
        Assert.Null(InputRules.IdValidity(from, new DateOnly(2017, 10, 28), false, entered));
        Assert.Null(InputRules.IdValidity(from, new DateOnly(2035, 7, 17), false, entered));
    }

    [Fact]
    public void Long_term_validity_passes_without_an_end_date()
    {
        var today = new DateOnly(2026, 1, 1);
        Assert.Null(InputRules.IdValidity(new DateOnly(2010, 1, 1), null, true, today));
        Assert.NotNull(InputRules.IdValidity(new DateOnly(2010, 1, 1), new DateOnly(2040, 1, 1), true, today));
        Assert.NotNull(InputRules.IdValidity(new DateOnly(2010, 1, 1), null, false, today));
        Assert.NotNull(InputRules.IdValidity(new DateOnly(2027, 1, 1), null, true, today));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("4", "4")]
    [InlineData("x", "X")]
    [InlineData("Y", "Y")]
    [InlineData("7", "Y")]
    [InlineData("8", null)]
    [InlineData("", null)]
    public void Occupation_codes_follow_gbt_6565_2015_major_groups(string input, string? stored)
    {
        Assert.Equal(stored, OccupationCodes.Normalize(input));
        Assert.Equal(stored is null, InputRules.Occupation(input) is not null);
    }

    [Fact]
    public void Occupation_table_has_the_2015_names_and_the_form_labels()
    {
        Assert.Equal("社会生产服务和生活服务人员", OccupationCodes.Find("4")!.Zh);
        Assert.Equal("商业、服务业人员", OccupationCodes.FormLabel("4"));
        Assert.Equal("军人", OccupationCodes.Find("X")!.Zh);
        Assert.Equal(8, OccupationCodes.All.Count);
    }

    [Theory]
    [InlineData("10", "研究生教育")]
    [InlineData("11", "博士研究生毕业")]
    [InlineData("14", "硕士研究生毕业")]
    [InlineData("20", "大学本科教育")]
    [InlineData("30", "大学专科教育")]
    [InlineData("40", "中等职业教育")]
    [InlineData("50", "技工学校")]
    [InlineData("60", "普通高级中学教育")]
    [InlineData("70", "初级中学教育")]
    [InlineData("80", "小学教育")]
    [InlineData("90", "其他")]
    public void Education_codes(string code, string zh)
    {
        Assert.Equal(zh, EducationCodes.Find(code)!.Zh);
        Assert.Null(InputRules.Education(code));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_education_codes_are_refused(string? code) => Assert.NotNull(InputRules.Education(code));
}
