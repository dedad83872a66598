using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed partial class SmsCodeServiceTests(PostgresServer server)
{
    [GeneratedRegex("验证码为(\\d{6})")]
    private static partial Regex CodePattern();

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Code_is_sent_through_the_outbox_verified_once_and_rate_limited(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Code_is_sent_through_the_outbox_verified_once_and_rate_limited));
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var svc = new SmsCodeService(t.Database, clock);
        Assert.False((await svc.SendAsync("123", "application")).Succeeded);
        Assert.True((await svc.SendAsync("13812345678", "application")).Succeeded);
        var limited = await svc.SendAsync("13812345678", "application");
        Assert.Contains("频繁", Assert.Single(limited.Errors).Zh, StringComparison.Ordinal);

        string code;
        await using (var db = t.NewContext())
        {
            var msg = await db.SmsOutbox.SingleAsync();
            Assert.Equal("13812345678", msg.Phone);
            code = CodePattern().Match(msg.Body).Groups[1].Value;
            var raw = await db.SmsVerifications.SingleAsync();
            Assert.NotEqual(code, System.Text.Encoding.UTF8.GetString(raw.CodeHash));
        }

        var wrong = code == "000000" ? "111111" : "000000";
        Assert.Equal("验证码错误。", (await svc.VerifyAsync("13812345678", "application", wrong))!.Zh);
        Assert.NotNull(await svc.VerifyAsync("13812345678", "other-purpose", code));
        Assert.Null(await svc.VerifyAsync("13812345678", "application", code));
        Assert.NotNull(await svc.VerifyAsync("13812345678", "application", code)); // consumed

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await svc.SendAsync("13812345678", "application")).Succeeded);
        clock.Advance(SmsCodeService.Lifetime);
        await using (var db = t.NewContext())
        {
            var latest = await db.SmsOutbox.OrderByDescending(m => m.Id).FirstAsync();
            var expiredCode = CodePattern().Match(latest.Body).Groups[1].Value;
            Assert.Contains("失效", (await svc.VerifyAsync("13812345678", "application", expiredCode))!.Zh, StringComparison.Ordinal);
        }
    }
}
