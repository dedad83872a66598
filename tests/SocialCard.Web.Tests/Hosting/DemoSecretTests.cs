using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>Demo data, demo passwords, demo keys and the SMS outbox exist only in Development (and the test host).</summary>
public sealed class DemoSecretTests
{
    [Theory]
    [InlineData("Demo:Seed", "true", "Demo:Seed")]
    [InlineData("SmsOptions:EnableDevOutbox", "true", "EnableDevOutbox")]
    public void Production_refuses_to_start_with_a_demo_setting(string key, string value, string named)
    {
        using SiteFactory site = Production();
        site.Settings[key] = value;
        Exception refused = Assert.ThrowsAny<Exception>(() => site.Server);
        Assert.Contains(named, Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_on_the_base_configuration_seeds_no_demo_data_and_has_no_outbox()
    {
        using SiteFactory site = Production();
        site.Settings.Remove("Demo:Seed"); // what appsettings.json itself says
        using HttpClient client = site.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/sms-outbox.json")).StatusCode);
        await using PlatformDbContext db = site.Services.GetRequiredService<PlatformDatabase>().CreateDbContext();
        Assert.False(await db.StaffAccounts.AnyAsync());
        Assert.False(await db.Units.AnyAsync());
    }

    [Fact]
    public void Production_refuses_to_start_on_a_database_that_still_holds_the_demo_accounts()
    {
        using var demo = new SiteFactory { Environment = "Development", UseTestAccounts = false };
        demo.Settings["Demo:Seed"] = "true";
        demo.Settings["Demo:Units"] = "2";
        demo.Settings["Demo:People"] = "10";
        demo.Settings["Site:WarmUpOnStart"] = "false";
        _ = demo.Server;

        using var production = Production();
        production.Settings["Storage:DataDirectory"] = demo.DataDirectory;
        Exception refused = Assert.ThrowsAny<Exception>(() => production.Server);
        Assert.Contains("demo-admin", Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sms_outbox_needs_a_staff_sign_in_even_in_the_test_host()
    {
        using var site = new SiteFactory();
        using HttpClient anonymous = site.CreateBrowserLikeClient();
        foreach (string path in (string[])["/dev/sms-outbox", "/dev/sms-outbox.json"])
        {
            HttpResponseMessage response = await anonymous.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("验证码", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using HttpClient staff = site.CreateBrowserLikeClient();
        await FormPost.SignInStaffAsync(staff, TestAccounts.Reviewer, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/dev/sms-outbox.json")).StatusCode);
    }

    private static SiteFactory Production()
    {
        var site = new SiteFactory { Environment = "Production", UseTestAccounts = false };
        site.Settings["Site:WarmUpOnStart"] = "false";
        return site;
    }

    private static string Flatten(Exception ex) => ex.InnerException is null ? ex.Message : ex.Message + " | " + Flatten(ex.InnerException);
}
