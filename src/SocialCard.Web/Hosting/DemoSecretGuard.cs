using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.Sms;
using SocialCard.Web.Security.ApiKeys;

namespace SocialCard.Web.Hosting;

/// <summary>
/// Demo data, demo passwords, demo API keys and the SMS outbox belong to Development (and the test host) only: in any
/// other environment the site refuses to start while one of them is configured or still works, and logs why.
/// </summary>
public static class DemoSecretGuard
{
    /// <summary>True where demo secrets are allowed: Development and the test host ("Testing").</summary>
    public static bool AllowsDemo(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() || environment.IsEnvironment("Testing");
    }

    /// <summary>The demo secrets configured or still valid (empty when none).</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(DemoOptions demo, SmsOptions sms, ApiKeyOptions apiKeys, string demoApiKey,
        PlatformDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demo);
        ArgumentNullException.ThrowIfNull(sms);
        ArgumentNullException.ThrowIfNull(apiKeys);
        ArgumentNullException.ThrowIfNull(database);
        var findings = new List<string>();
        if (demo.Seed)
        {
            findings.Add("Demo:Seed is true");
        }

        if (sms.EnableDevOutbox == true)
        {
            findings.Add("SmsOptions:EnableDevOutbox is true");
        }

        if (!string.IsNullOrWhiteSpace(demoApiKey) && apiKeys.Keys.Exists(k => string.Equals(k.Sha256, ApiKeyHash.Compute(demoApiKey), StringComparison.OrdinalIgnoreCase)))
        {
            findings.Add("the demo API key is configured in ApiKeys:Keys");
        }

        await using PlatformDbContext db = database.CreateDbContext();
        if (await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                string? hash = await db.StaffAccounts.Where(a => a.LoginName == "demo-admin").Select(a => a.PasswordHash)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (hash is not null && PasswordHasher.Verify(demo.DemoPassword, hash))
                {
                    findings.Add("the database holds demo accounts with the demo password (demo-admin)");
                }
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                // Schema not there yet: a fresh database holds no demo accounts.
            }
        }

        return findings;
    }
}
