using System.Net.Http.Json;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>
/// <see cref="ApplicantData"/> for sites started as separate processes (<see cref="SiteProcess"/>): written into the
/// database before the site starts, plus a staff sign-in that may read the Development SMS outbox.
/// </summary>
public static class ApplicantProcessData
{
    public const string OutboxReader = "outbox-reader";
    public const string OutboxPassword = "Outbox@2026-reader";

    /// <summary>Migrates and seeds the database of <paramref name="storage"/>; returns the work unit's id.</summary>
    public static async Task<long> SeedAsync(StorageOptions storage)
    {
        var database = new PlatformDatabase(storage);
        await database.MigrateAsync();
        await ApplicantData.SeedAsync(database, DateTimeOffset.UtcNow);
        await using PlatformDbContext db = database.CreateDbContext();
        db.StaffAccounts.Add(new StaffAccount(OutboxReader, "短信发件箱查看", StaffRole.Reviewer, PasswordHasher.Hash(OutboxPassword)));
        await db.SaveChangesAsync();
        return db.Units.Where(u => u.Name == ApplicantData.WorkUnitName).Select(u => u.Id).Single();
    }

    /// <summary>The code in the newest message to <paramref name="phone"/> on the outbox (/dev/sms-outbox.json) of
    /// <paramref name="site"/>, read as a signed-in staff member (the page shows every code).</summary>
    public static async Task<string> LatestCodeAsync(SiteProcess site, string phone)
    {
        using HttpClient staff = site.CreateClient();
        await FormPost.SignInStaffAsync(staff, OutboxReader, OutboxPassword);
        SmsOutboxEntry[] messages = await staff.GetFromJsonAsync<SmsOutboxEntry[]>("/dev/sms-outbox.json") ?? [];
        SmsOutboxEntry message = messages.Where(m => m.Phone == phone).OrderByDescending(m => m.CreatedAt).First();
        return SmsCodeService.ExtractCode(message.Text) ?? throw new InvalidOperationException("no code in " + message.Text);
    }
}
