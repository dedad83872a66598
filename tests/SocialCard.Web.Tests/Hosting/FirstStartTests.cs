using System.Diagnostics;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>The first start on a fresh data folder, as <c>./run.sh</c> does it: the schema is migrated before anything
/// reads the Data Protection key ring from it, so the log shows no error.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task The_first_start_on_a_fresh_database_logs_no_error()
    {
        await using var site = new SiteProcess();
        site.Arguments.Add("--Site:WarmUpOnStart");
        site.Arguments.Add("false");
        await site.StartAsync();

        // The host logs "Application started" after every hosted service has started; log lines are written in order,
        // so once it shows, anything logged during start-up is in the output too.
        using HttpClient client = site.CreateClient();
        Assert.Contains("__RequestVerificationToken", await client.GetStringAsync("/console/login"), StringComparison.Ordinal);
        await WaitForAsync(site, "Application started");

        string output = site.Output;
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("key ring", output, StringComparison.OrdinalIgnoreCase);
    }

    internal static async Task WaitForAsync(SiteProcess site, string text)
    {
        var waited = Stopwatch.StartNew();
        while (!site.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), $"the site never logged '{text}':\n{site.Output}");
            await Task.Delay(100);
        }
    }
}
