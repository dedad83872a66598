using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;

namespace SocialCard.Platform.Tests.Domain;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("11010519491231002X", "110105", 1949, 12, 31, Gender.Female)] // GB 11643 annex example
    [InlineData("440524188001010014", "440524", 1880, 1, 1, Gender.Male)]
    [InlineData("11010119900307651X", "110101", 1990, 3, 7, Gender.Male)]
    public void Known_valid_numbers_parse(string id, string region, int y, int m, int d, Gender gender)
    {
        Assert.Null(ResidentIdNumber.Validate(id, Today, out var info));
        Assert.Equal(region, info.RegionCode);
        Assert.Equal(new DateOnly(y, m, d), info.BirthDate);
        Assert.Equal(gender, info.Gender);
    }

    [Fact]
    public void Lower_case_x_is_accepted_and_normalised()
    {
        Assert.Null(ResidentIdNumber.Validate("11010519491231002x", Today, out var info));
        Assert.Equal("11010519491231002X", info.Number);
    }

    [Theory]
    [InlineData("11010519491231002", "18")]
    [InlineData("1101051949123100A2", "前17位")]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("990105194912310020", "地区码")]
    [InlineData("110105194902300022", "出生日期无效")]
    [InlineData("110105203001010021", "晚于今天")]
    [InlineData("11010519491231000X", "顺序码")]
    [InlineData("", "请填写")]
    public void Invalid_numbers_give_a_bilingual_error(string id, string zhFragment)
    {
        var e = ResidentIdNumber.Validate(id, Today, out _);
        Assert.NotNull(e);
        Assert.Equal("idNumber", e.Field);
        Assert.Contains(zhFragment, e.Zh, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.En));
    }

    [Fact]
    public void Check_char_matches_the_mod_11_2_definition_for_every_remainder()
    {
        // Brute force: for each possible remainder find a 17-digit body and compare with the ISO 7064 formula
        // check = (12 - (sum mod 11)) mod 11, 10 written as X.
        var seen = new HashSet<int>();
        for (var seq = 1; seq < 1000 && seen.Count < 11; seq++)
        {
            var body = $"51010719870615{seq:D3}";
            var sum = 0;
            int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            for (var i = 0; i < 17; i++)
            {
                sum += (body[i] - '0') * w[i];
            }

            var expected = (12 - (sum % 11)) % 11;
            var c = ResidentIdNumber.ComputeCheckChar(body);
            Assert.Equal(expected == 10 ? 'X' : (char)('0' + expected), c);
            seen.Add(sum % 11);
        }

        Assert.Equal(11, seen.Count);
    }
}
