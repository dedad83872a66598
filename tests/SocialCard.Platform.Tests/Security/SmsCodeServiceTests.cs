using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed class SmsCodeServiceTests(PostgresServer server)
{
    private const string Phone = "13800138000";
    private const string Client = "10.0.0.1";
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private sealed class Harness(TestDatabase database, ManualTimeProvider clock) : IAsyncDisposable
    {
        public ManualTimeProvider Clock { get; } = clock;

        public TestDatabase Database { get; } = database;

        public SmsCodeService Sms { get; } = new(database.Database, new JobQueue(database.Database, clock), clock, Options.Create(new SmsOptions()));

        public async Task<string> LastCodeAsync(string phone = Phone)
        {
            var message = (await new SmsOutboxQueries(Database.Database).LatestAsync(1, phone)).Single();
            return SmsCodeService.ExtractCode(message.Text)!;
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private async Task<Harness> StartAsync(string provider, string name) =>
        new(await TestDatabase.CreateAsync(provider, server, name), new ManualTimeProvider(T0));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_sent_code_is_six_digits_stored_hashed_queued_for_dispatch_and_verifies_once(string provider)
    {
        await using var h = await StartAsync(provider, nameof(A_sent_code_is_six_digits_stored_hashed_queued_for_dispatch_and_verifies_once));
        Assert.Equal(SmsSendStatus.Sent, (await h.Sms.SendCodeAsync(Phone, Client)).Status);
        var code = await h.LastCodeAsync();
        Assert.Matches("^[0-9]{6}$", code);
        await using (var db = h.Database.NewContext())
        {
            var stored = await db.SmsVerifications.SingleAsync();
            Assert.NotEqual(code, System.Text.Encoding.UTF8.GetString(stored.CodeHash));
            Assert.Equal(JobTypes.SmsDispatch, (await db.Jobs.SingleAsync()).Type);
        }

        // Another service instance (another node) over the same database verifies it.
        var otherNode = new SmsCodeService(h.Database.Database, new JobQueue(h.Database.Database, h.Clock), h.Clock, Options.Create(new SmsOptions()));
        Assert.Equal(SmsVerifyStatus.Verified, (await otherNode.VerifyAsync(Phone, code)).Status);
        Assert.Equal(SmsVerifyStatus.NoCode, (await h.Sms.VerifyAsync(Phone, code)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_invalid_number_is_refused_without_sending(string provider)
    {
        await using var h = await StartAsync(provider, nameof(An_invalid_number_is_refused_without_sending));
        Assert.Equal(SmsSendStatus.InvalidNumber, (await h.Sms.SendCodeAsync("12345", Client)).Status);
        Assert.Empty(await new SmsOutboxQueries(h.Database.Database).LatestAsync(10));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_code_expires_after_five_minutes(string provider)
    {
        await using var h = await StartAsync(provider, nameof(The_code_expires_after_five_minutes));
        await h.Sms.SendCodeAsync(Phone, Client);
        var code = await h.LastCodeAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(SmsVerifyStatus.WrongCode, (await h.Sms.VerifyAsync(Phone, Wrong(code))).Status);
        Assert.Equal(SmsVerifyStatus.Verified, (await h.Sms.VerifyAsync(Phone, code)).Status);

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.Sms.SendCodeAsync(Phone, Client);
        var second = await h.LastCodeAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SmsVerifyStatus.Expired, (await h.Sms.VerifyAsync(Phone, second)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Five_wrong_entries_void_the_code_and_a_malformed_one_counts(string provider)
    {
        await using var h = await StartAsync(provider, nameof(Five_wrong_entries_void_the_code_and_a_malformed_one_counts));
        await h.Sms.SendCodeAsync(Phone, Client);
        var code = await h.LastCodeAsync();
        Assert.Equal(4, (await h.Sms.VerifyAsync(Phone, "12ab")).AttemptsLeft);
        for (var attempt = 2; attempt <= 4; attempt++)
        {
            var wrong = await h.Sms.VerifyAsync(Phone, Wrong(code));
            Assert.Equal(SmsVerifyStatus.WrongCode, wrong.Status);
            Assert.Equal(5 - attempt, wrong.AttemptsLeft);
        }

        Assert.Equal(SmsVerifyStatus.TooManyAttempts, (await h.Sms.VerifyAsync(Phone, Wrong(code))).Status);
        Assert.Equal(SmsVerifyStatus.TooManyAttempts, (await h.Sms.VerifyAsync(Phone, code)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Concurrent_wrong_entries_cannot_exceed_the_attempts(string provider)
    {
        await using var h = await StartAsync(provider, nameof(Concurrent_wrong_entries_cannot_exceed_the_attempts));
        await h.Sms.SendCodeAsync(Phone, Client);
        var code = await h.LastCodeAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => h.Sms.VerifyAsync(Phone, Wrong(code)))));
        Assert.Equal(4, results.Count(r => r.Status == SmsVerifyStatus.WrongCode));
        Assert.Equal(SmsVerifyStatus.TooManyAttempts, (await h.Sms.VerifyAsync(Phone, code)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task At_most_one_send_per_minute_per_number_and_per_client(string provider)
    {
        await using var h = await StartAsync(provider, nameof(At_most_one_send_per_minute_per_number_and_per_client));
        Assert.True((await h.Sms.SendCodeAsync(Phone, Client)).IsSent);
        h.Clock.Advance(TimeSpan.FromSeconds(59));
        var again = await h.Sms.SendCodeAsync(Phone, "10.0.0.2");
        Assert.Equal(SmsSendStatus.TooSoon, again.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), again.RetryAfter);
        Assert.Equal(SmsSendStatus.TooSoon, (await h.Sms.SendCodeAsync("13900139000", Client)).Status);
        Assert.True((await h.Sms.SendCodeAsync("13900139000", "10.0.0.3")).IsSent);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await h.Sms.SendCodeAsync(Phone, Client)).IsSent);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ten_sends_per_number_and_per_client_per_day(string provider)
    {
        await using var h = await StartAsync(provider, nameof(Ten_sends_per_number_and_per_client_per_day));
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await h.Sms.SendCodeAsync(Phone, "10.0.1." + i)).IsSent);
            Assert.True((await h.Sms.SendCodeAsync("1370013700" + i, "10.0.3.1")).IsSent);
            h.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        var refused = await h.Sms.SendCodeAsync(Phone, "10.0.2.1");
        Assert.Equal(SmsSendStatus.NumberDailyLimit, refused.Status);
        Assert.Equal(SmsSendStatus.ClientDailyLimit, (await h.Sms.SendCodeAsync("13600136000", "10.0.3.1")).Status);
        Assert.True((await h.Sms.SendCodeAsync("13600136000", "10.9.9.9")).IsSent);
        h.Clock.Advance(refused.RetryAfter!.Value);
        Assert.True((await h.Sms.SendCodeAsync(Phone, "10.0.2.1")).IsSent);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_code_replaces_the_previous_one(string provider)
    {
        await using var h = await StartAsync(provider, nameof(A_new_code_replaces_the_previous_one));
        await h.Sms.SendCodeAsync(Phone, Client);
        var first = await h.LastCodeAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.Sms.SendCodeAsync(Phone, Client);
        var second = await h.LastCodeAsync();
        if (first != second)
        {
            Assert.Equal(SmsVerifyStatus.WrongCode, (await h.Sms.VerifyAsync(Phone, first)).Status);
        }

        Assert.Equal(SmsVerifyStatus.Verified, (await h.Sms.VerifyAsync(Phone, second)).Status);
    }

    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";
}
