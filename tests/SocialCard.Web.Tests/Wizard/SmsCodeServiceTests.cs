using Microsoft.Extensions.Options;
using SocialCard.Web.Features.Sms;

namespace SocialCard.Web.Tests.Wizard;

public sealed class SmsCodeServiceTests
{
    private const string Phone = "13800138000";
    private const string Client = "10.0.0.1";
    private readonly SettableTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private readonly DevSmsOutbox _outbox = new();
    private readonly SmsCodeService _sms;

    public SmsCodeServiceTests()
    {
        _sms = new SmsCodeService(new InMemorySmsCodeStore(), new DevOutboxSmsSender(_outbox, _clock), _clock, Options.Create(new SmsOptions()));
    }

    private string LastCode() => SmsCodeService.ExtractCode(_outbox.LatestFor(Phone)!.Text)!;

    [Fact]
    public async Task A_sent_code_is_six_digits_and_verifies_once()
    {
        SmsSendResult sent = await _sms.SendCodeAsync(Phone, Client, default);
        Assert.Equal(SmsSendStatus.Sent, sent.Status);
        string code = LastCode();
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal(SmsVerifyStatus.Verified, (await _sms.VerifyAsync(Phone, code, default)).Status);
        Assert.Equal(SmsVerifyStatus.NoCode, (await _sms.VerifyAsync(Phone, code, default)).Status);
    }

    [Fact]
    public async Task An_invalid_number_is_refused_without_sending()
    {
        Assert.Equal(SmsSendStatus.InvalidNumber, (await _sms.SendCodeAsync("12345", Client, default)).Status);
        Assert.Empty(_outbox.Snapshot());
    }

    [Fact]
    public async Task The_code_expires_after_five_minutes()
    {
        await _sms.SendCodeAsync(Phone, Client, default);
        string code = LastCode();
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(SmsVerifyStatus.WrongCode, (await _sms.VerifyAsync(Phone, Wrong(code), default)).Status);
        Assert.Equal(SmsVerifyStatus.Verified, (await _sms.VerifyAsync(Phone, code, default)).Status);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _sms.SendCodeAsync(Phone, Client, default);
        string second = LastCode();
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SmsVerifyStatus.Expired, (await _sms.VerifyAsync(Phone, second, default)).Status);
    }

    [Fact]
    public async Task Five_wrong_entries_void_the_code()
    {
        await _sms.SendCodeAsync(Phone, Client, default);
        string code = LastCode();
        for (int attempt = 1; attempt <= 4; attempt++)
        {
            SmsVerifyResult wrong = await _sms.VerifyAsync(Phone, Wrong(code), default);
            Assert.Equal(SmsVerifyStatus.WrongCode, wrong.Status);
            Assert.Equal(5 - attempt, wrong.AttemptsLeft);
        }

        Assert.Equal(SmsVerifyStatus.TooManyAttempts, (await _sms.VerifyAsync(Phone, Wrong(code), default)).Status);
        Assert.Equal(SmsVerifyStatus.TooManyAttempts, (await _sms.VerifyAsync(Phone, code, default)).Status);
    }

    [Fact]
    public async Task A_malformed_code_counts_as_a_wrong_attempt()
    {
        await _sms.SendCodeAsync(Phone, Client, default);
        Assert.Equal(4, (await _sms.VerifyAsync(Phone, "12ab", default)).AttemptsLeft);
    }

    [Fact]
    public async Task At_most_one_send_per_minute_per_number_and_per_client()
    {
        Assert.True((await _sms.SendCodeAsync(Phone, Client, default)).IsSent);
        _clock.Advance(TimeSpan.FromSeconds(59));
        SmsSendResult again = await _sms.SendCodeAsync(Phone, "10.0.0.2", default);
        Assert.Equal(SmsSendStatus.TooSoon, again.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), again.RetryAfter);
        Assert.Equal(SmsSendStatus.TooSoon, (await _sms.SendCodeAsync("13900139000", Client, default)).Status);
        Assert.True((await _sms.SendCodeAsync("13900139000", "10.0.0.3", default)).IsSent);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await _sms.SendCodeAsync(Phone, Client, default)).IsSent);
    }

    [Fact]
    public async Task Ten_sends_per_number_per_day()
    {
        for (int i = 0; i < 10; i++)
        {
            Assert.True((await _sms.SendCodeAsync(Phone, "10.0.1." + i, default)).IsSent);
            _clock.Advance(TimeSpan.FromMinutes(2));
        }

        SmsSendResult refused = await _sms.SendCodeAsync(Phone, "10.0.2.1", default);
        Assert.Equal(SmsSendStatus.NumberDailyLimit, refused.Status);
        _clock.Advance(refused.RetryAfter!.Value);
        Assert.True((await _sms.SendCodeAsync(Phone, "10.0.2.1", default)).IsSent);
    }

    [Fact]
    public async Task Ten_sends_per_client_per_day()
    {
        for (int i = 0; i < 10; i++)
        {
            Assert.True((await _sms.SendCodeAsync("1380013800" + i, Client, default)).IsSent);
            _clock.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(SmsSendStatus.ClientDailyLimit, (await _sms.SendCodeAsync("13700137000", Client, default)).Status);
        Assert.True((await _sms.SendCodeAsync("13700137000", "10.9.9.9", default)).IsSent);
    }

    [Fact]
    public async Task A_new_code_replaces_the_previous_one()
    {
        await _sms.SendCodeAsync(Phone, Client, default);
        string first = LastCode();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _sms.SendCodeAsync(Phone, Client, default);
        string second = LastCode();
        if (first != second)
        {
            Assert.Equal(SmsVerifyStatus.WrongCode, (await _sms.VerifyAsync(Phone, first, default)).Status);
        }

        Assert.Equal(SmsVerifyStatus.Verified, (await _sms.VerifyAsync(Phone, second, default)).Status);
    }

    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";
}
