using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Storage;
using SocialCard.Web.Hosting;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>The demo staff come from the Platform's seeder, only with demo data on: the site seeded as <c>./run.sh</c>
/// seeds it has the administrator and one sign-in per role and the banner names them; with <c>Demo:Seed</c> off the
/// database gets no demo sign-in at all.</summary>
public sealed class DemoStaffSeedingTests
{
    private static async Task<List<string>> StaffLoginsAsync(SiteFactory site)
    {
        using HttpClient client = site.CreateClient(); // starts the host (and its start-up seeding)
        await using PlatformDbContext db = site.Services.GetRequiredService<PlatformDatabase>().CreateDbContext();
        return await db.StaffAccounts.AsNoTracking().Select(a => a.LoginName).ToListAsync();
    }

    [Fact]
    public async Task Demo_staff_are_seeded_with_demo_data_and_never_without()
    {
        using (var off = new SiteFactory())
        {
            off.Settings["Demo:Seed"] = "false";
            Assert.Empty(await StaffLoginsAsync(off));
            Assert.Empty(off.Services.GetServices<IHostedService>().OfType<StorageStartupService>().Single().DemoLines);
        }

        using var on = new DemoSite();
        List<string> logins = await StaffLoginsAsync(on);
        string[] expected = [DemoSeeder.AdminLogin, .. DemoSeeder.DemoStaff.Select(s => s.Login)];
        Assert.Equal(expected.Order(), logins.Order());
        string banner = string.Join('\n', on.Services.GetServices<IHostedService>().OfType<StorageStartupService>().Single().DemoLines);
        Assert.All(expected, login => Assert.Contains(login, banner, StringComparison.Ordinal));
    }
}
