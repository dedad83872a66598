using System.Security.Cryptography;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Tests.Security;

public sealed class SecurityTests
{
    [Fact]
    public void Password_hash_verifies_only_the_right_password()
    {
        var h = PasswordHasher.Hash("单位密码-325520", iterations: 1000);
        Assert.StartsWith("pbkdf2-sha256$1000$", h, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("单位密码-325520", h));
        Assert.False(PasswordHasher.Verify("单位密码-325521", h));
        Assert.False(PasswordHasher.Verify("x", "garbage"));
        Assert.NotEqual(h, PasswordHasher.Hash("单位密码-325520", iterations: 1000));
    }

    [Fact]
    public void Field_encryption_round_trips_uses_fresh_nonces_and_detects_tampering()
    {
        var p = new FieldProtector(RandomNumberGenerator.GetBytes(32));
        var a = p.Encrypt("51010719870615123X");
        var b = p.Encrypt("51010719870615123X");
        Assert.NotEqual(a, b);
        Assert.Equal("51010719870615123X", p.Decrypt(a));
        a[20] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => p.Decrypt(a));
        Assert.Equal(p.LookupHash("51010719870615123x"), p.LookupHash(" 51010719870615123X "));
        var other = new FieldProtector(RandomNumberGenerator.GetBytes(32));
        Assert.NotEqual(p.LookupHash("13812345678"), other.LookupHash("13812345678"));
        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(b));
    }

    [Fact]
    public void Key_file_is_created_once_and_reused()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sc-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(dir, "field-key.b64");
            var k1 = FieldKeySource.Load(null, path);
            var k2 = FieldKeySource.Load(null, path);
            Assert.Equal(32, k1.Length);
            Assert.Equal(k1, k2);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
            var configured = FieldKeySource.Load(Convert.ToBase64String(new byte[32]), path);
            Assert.Equal(new byte[32], configured);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("51010719870615123X", "5101**********123X")]
    [InlineData("E12345678", "E123*5678")]
    [InlineData("", "")]
    public void Id_numbers_are_masked(string input, string masked) => Assert.Equal(masked, PersonalDataMask.IdNumber(input));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("12345", "*****")]
    public void Phones_are_masked(string input, string masked) => Assert.Equal(masked, PersonalDataMask.Phone(input));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("王", "*")]
    public void Names_are_masked(string input, string masked) => Assert.Equal(masked, PersonalDataMask.Name(input));
}
