using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>获取验证码 / verify: six-digit one-time codes sent through the SMS outbox, valid 10 minutes, five tries,
/// at most one per minute and ten per day for a phone.</summary>
public sealed class SmsCodeService(PlatformDatabase database, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);
    public const int MaxPerDay = 10;
    public const string Template = "sms.code";

    /// <summary>Queues a code for <paramref name="phone"/>; returns when it expires.</summary>
    public async Task<ServiceResult<DateTimeOffset>> SendAsync(string phone, string purpose, CancellationToken cancellationToken = default)
    {
        if (InputRules.MobilePhone(phone) is { } e)
        {
            return ServiceResult.Fail<DateTimeOffset>(e);
        }

        phone = phone.Trim();
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var phoneHash = db.LookupHash(phone);
        var dayAgo = now.AddDays(-1);
        var recent = await db.SmsVerifications.Where(v => v.PhoneHash == phoneHash && v.CreatedAt > dayAgo)
            .Select(v => v.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (recent.Count > 0 && now - recent.Max() < ResendInterval)
        {
            return ServiceResult.Fail<DateTimeOffset>(new ValidationError("phone", "验证码发送过于频繁，请1分钟后再试。", "A code was sent less than a minute ago; try again later."));
        }

        if (recent.Count >= MaxPerDay)
        {
            return ServiceResult.Fail<DateTimeOffset>(new ValidationError("phone", "今日验证码发送次数已达上限。", "Too many codes for this phone today."));
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var v = new SmsVerification(phoneHash, CodeHash(db, phone, purpose, code), purpose, now, now + Lifetime);
        db.SmsVerifications.Add(v);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.SmsOutbox.Add(new SmsMessage(phone, Template, $"【社保卡】您的验证码为{code}，10分钟内有效。如非本人操作请忽略。",
            "code:" + v.Id.ToString(CultureInfo.InvariantCulture), now));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(v.ExpiresAt);
    }

    /// <summary>Checks a code against the newest usable one for the phone; a match consumes it.</summary>
    public async Task<ValidationError?> VerifyAsync(string phone, string purpose, string code, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var phoneHash = db.LookupHash(phone.Trim());
        var v = await db.SmsVerifications.Where(x => x.PhoneHash == phoneHash && x.Purpose == purpose && x.ConsumedAt == null)
            .OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (v is null || !v.IsUsable(now))
        {
            return new ValidationError("code", "验证码已失效，请重新获取。", "The code has expired; request a new one.");
        }

        var ok = v.Attempt(CryptographicOperations.FixedTimeEquals(v.CodeHash, CodeHash(db, phone.Trim(), purpose, code.Trim())), now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ok ? null : new ValidationError("code", "验证码错误。", "The code is wrong.");
    }

    private static byte[] CodeHash(PlatformDbContext db, string phone, string purpose, string code) => db.LookupHash($"sms-code|{purpose}|{phone}|{code}");
}
