using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// 获取验证码 / verify (seed 004): <see cref="SmsOptions.CodeLength"/> random digits, valid for
/// <see cref="SmsOptions.CodeLifetime"/>, at most <see cref="SmsOptions.MaxAttempts"/> entries; at most one send per
/// <see cref="SmsOptions.ResendInterval"/> per number and per client address, and <see cref="SmsOptions.DailyLimitPerNumber"/>
/// / <see cref="SmsOptions.DailyLimitPerClient"/> in 24 hours. Everything lives in the database, so a code sent through
/// one node verifies on another and survives a restart: the code only as a keyed hash (the field key every node
/// shares), the limits in <see cref="RateCounters"/>, the text in the SMS outbox, delivered by the dispatch job
/// queued with it.
/// </summary>
public sealed class SmsCodeService(PlatformDatabase database, JobQueue jobs, TimeProvider time, IOptions<SmsOptions> options)
{
    /// <summary>What the wizard's codes unlock (stored with each code).</summary>
    public const string Purpose = "applicant";

    public const string Template = "sms.code";

    private readonly SmsOptions _options = options.Value;

    public Task<SmsSendResult> SendCodeAsync(string? phone, string clientKey, CancellationToken cancellationToken = default) =>
        SendCodeAsync(phone, clientKey, deliver: true, cancellationToken);

    /// <summary>Issues a code under the same limits; with <paramref name="deliver"/> false the code is recorded (so
    /// limits, attempts and answers are exactly those of a real send) but no message leaves: the wizard's stand-in
    /// number for an ID number without a phone on file.</summary>
    public async Task<SmsSendResult> SendCodeAsync(string? phone, string clientKey, bool deliver, CancellationToken cancellationToken = default)
    {
        if (InputRules.MobilePhone(phone) is not null)
        {
            return new SmsSendResult(SmsSendStatus.InvalidNumber);
        }

        var number = phone!.Trim();
        var now = time.GetUtcNow();
        RateLimit[] limits =
        [
            new("sms.resend.number", number, 1, _options.ResendInterval),
            new("sms.resend.client", clientKey, 1, _options.ResendInterval),
            new("sms.day.number", number, _options.DailyLimitPerNumber, TimeSpan.FromHours(24)),
            new("sms.day.client", clientKey, _options.DailyLimitPerClient, TimeSpan.FromHours(24)),
        ];
        await using var db = database.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var decision = await RateCounters.TakeAsync(db, limits, now, cancellationToken).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var status = decision.RefusedIndex switch
            {
                0 or 1 => SmsSendStatus.TooSoon,
                2 => SmsSendStatus.NumberDailyLimit,
                _ => SmsSendStatus.ClientDailyLimit,
            };
            return new SmsSendResult(status, decision.RetryAfter);
        }

        var code = NewCode(_options.CodeLength);
        db.SmsVerifications.Add(new SmsVerification(db.LookupHash(number), CodeHash(db, number, code), Purpose, now, now + _options.CodeLifetime));
        if (deliver)
        {
            var minutes = (int)Math.Round(_options.CodeLifetime.TotalMinutes);
            var text = string.Create(CultureInfo.InvariantCulture,
                $"【社保卡数据采集】您的验证码为{code}，{minutes}分钟内有效，请勿告诉他人。Your verification code is {code}, valid for {minutes} minutes.");
            db.SmsOutbox.Add(new SmsMessage(number, Template, text, "code:" + Guid.NewGuid().ToString("N"), now));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (deliver)
        {
            await jobs.EnqueueAsync(db, JobTypes.SmsDispatch, "{}", null, null, 3, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SmsSendResult(SmsSendStatus.Sent);
    }

    /// <summary>Checks a code against the number's newest one: a wrong or malformed entry counts an attempt and the one
    /// that reaches the limit voids the code; the right one closes it.</summary>
    public async Task<SmsVerifyResult> VerifyAsync(string? phone, string? code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return new SmsVerifyResult(SmsVerifyStatus.NoCode, 0);
        }

        var number = phone.Trim();
        var entered = (code ?? string.Empty).Trim();
        var now = time.GetUtcNow();
        var max = _options.MaxAttempts;
        await using var db = database.CreateDbContext();
        var phoneHash = db.LookupHash(number);
        var latest = await db.SmsVerifications.AsNoTracking().Where(v => v.PhoneHash == phoneHash && v.Purpose == Purpose)
            .OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return new SmsVerifyResult(SmsVerifyStatus.NoCode, 0);
        }

        if (latest.ConsumedAt is not null)
        {
            return latest.Attempts >= max ? new SmsVerifyResult(SmsVerifyStatus.TooManyAttempts, 0) : new SmsVerifyResult(SmsVerifyStatus.NoCode, 0);
        }

        if (now >= latest.ExpiresAt)
        {
            return new SmsVerifyResult(SmsVerifyStatus.Expired, 0);
        }

        var id = latest.Id;
        var nowMs = now.ToUnixTimeMilliseconds();
        var wellFormed = entered.Length == _options.CodeLength && entered.All(char.IsAsciiDigit);
        if (wellFormed && CryptographicOperations.FixedTimeEquals(latest.CodeHash, CodeHash(db, number, entered)))
        {
            // Only one request can close an open code: a concurrent one finds it closed.
            var closed = await db.Database.ExecuteSqlAsync(
                $"UPDATE sms_verifications SET consumed_at = {nowMs} WHERE id = {id} AND consumed_at IS NULL", cancellationToken).ConfigureAwait(false);
            return closed == 1 ? new SmsVerifyResult(SmsVerifyStatus.Verified, max - latest.Attempts) : new SmsVerifyResult(SmsVerifyStatus.NoCode, 0);
        }

        // One atomic statement counts the attempt and reads the count back, so concurrent wrong entries each see their own.
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            UPDATE sms_verifications SET attempts = attempts + 1,
                consumed_at = CASE WHEN attempts + 1 >= @max THEN @now ELSE NULL END
            WHERE id = @id AND consumed_at IS NULL
            RETURNING attempts;
            """;
        SchemaMigrator.AddParameter(cmd, "@max", max);
        SchemaMigrator.AddParameter(cmd, "@now", nowMs);
        SchemaMigrator.AddParameter(cmd, "@id", id);
        var attempts = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);

        // No row: other entries closed the code meanwhile.
        return attempts is not null && Convert.ToInt32(attempts, CultureInfo.InvariantCulture) is var n && n < max
            ? new SmsVerifyResult(SmsVerifyStatus.WrongCode, max - n)
            : new SmsVerifyResult(SmsVerifyStatus.TooManyAttempts, 0);
    }

    /// <summary>The code inside a message text (the first run of exactly <paramref name="length"/> digits).</summary>
    public static string? ExtractCode(string text, int length = 6)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = 0;
        for (var i = 0; i < text.Length; i++)
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
        for (var i = 0; i < length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return new string(digits);
    }

    private static byte[] CodeHash(PlatformDbContext db, string phone, string code) => db.LookupHash($"sms-code|{Purpose}|{phone}|{code}");
}
