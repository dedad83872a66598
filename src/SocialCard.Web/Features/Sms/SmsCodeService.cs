using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Domain.Validation;

namespace SocialCard.Web.Features.Sms;

/// <summary>
/// Issues and checks SMS verification codes: <see cref="SmsOptions.CodeLength"/> random digits, valid for
/// <see cref="SmsOptions.CodeLifetime"/>, at most <see cref="SmsOptions.MaxAttempts"/> entries, at most one send per
/// <see cref="SmsOptions.ResendInterval"/> and <see cref="SmsOptions.DailyLimitPerNumber"/> per number /
/// <see cref="SmsOptions.DailyLimitPerClient"/> per client address in 24 hours. Only an HMAC of (number, code) is
/// stored; the key lives in this process.
/// </summary>
public sealed class SmsCodeService
{
    private readonly ISmsCodeStore _store;
    private readonly ISmsSender _sender;
    private readonly TimeProvider _clock;
    private readonly SmsOptions _options;
    private readonly byte[] _hashKey = RandomNumberGenerator.GetBytes(32);

    public SmsCodeService(ISmsCodeStore store, ISmsSender sender, TimeProvider clock, IOptions<SmsOptions> options)
    {
        _store = store;
        _sender = sender;
        _clock = clock;
        _options = options.Value;
    }

    public Task<SmsSendResult> SendCodeAsync(string? phone, string clientKey, CancellationToken cancellationToken) =>
        SendCodeAsync(phone, clientKey, deliver: true, cancellationToken);

    /// <summary>Issues a code under the same limits; with <paramref name="deliver"/> false the code is recorded (so
    /// limits, attempts and answers are exactly those of a real send) but no message leaves: the wizard's stand-in
    /// number for an ID number without a phone on file.</summary>
    public async Task<SmsSendResult> SendCodeAsync(string? phone, string clientKey, bool deliver, CancellationToken cancellationToken)
    {
        if (InputRules.MobilePhone(phone) is not null)
        {
            return new SmsSendResult(SmsSendStatus.InvalidNumber);
        }

        string number = phone!.Trim();
        string code = NewCode(_options.CodeLength);
        DateTimeOffset now = _clock.GetUtcNow();
        var entry = new SmsCodeEntry(number, clientKey, Hash(number, code), now, now + _options.CodeLifetime);
        var limits = new SmsLimits(_options.ResendInterval, _options.DailyLimitPerNumber, _options.DailyLimitPerClient);
        SmsSendResult result = await _store.TryIssueAsync(entry, limits, now, cancellationToken).ConfigureAwait(false);
        if (result.IsSent && deliver)
        {
            int minutes = (int)Math.Round(_options.CodeLifetime.TotalMinutes);
            string text = string.Create(CultureInfo.InvariantCulture,
                $"【社保卡数据采集】您的验证码为{code}，{minutes}分钟内有效，请勿告诉他人。Your verification code is {code}, valid for {minutes} minutes.");
            await _sender.SendAsync(number, text, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public async Task<SmsVerifyResult> VerifyAsync(string? phone, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return new SmsVerifyResult(SmsVerifyStatus.NoCode, 0);
        }

        string number = phone.Trim();
        string entered = (code ?? string.Empty).Trim();
        bool wellFormed = entered.Length == _options.CodeLength && entered.All(char.IsAsciiDigit);
        byte[] enteredHash = Hash(number, entered);
        return await _store.VerifyAsync(
            number,
            stored => wellFormed && CryptographicOperations.FixedTimeEquals(stored.CodeHash, enteredHash),
            _options.MaxAttempts,
            _clock.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The code inside an outbox text (the first run of <see cref="SmsOptions.CodeLength"/> digits).</summary>
    public static string? ExtractCode(string text, int length = 6)
    {
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            run = char.IsAsciiDigit(text[i]) ? run + 1 : 0;
            if (run == length && (i + 1 == text.Length || !char.IsAsciiDigit(text[i + 1])))
            {
                return text.Substring(i - length + 1, length);
            }
        }

        return null;
    }

    private static string NewCode(int length)
    {
        Span<char> digits = stackalloc char[length];
        for (int i = 0; i < length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return new string(digits);
    }

    private byte[] Hash(string phone, string code) =>
        HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(phone + ":" + code));
}
