using System.Net;
using SocialCard.Platform.Centre;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>The banks a unit can choose come from the centre's configuration, on the site as <c>./run.sh</c> starts it
/// (a separate process): without <c>Centre:Banks</c> the embedded list, with it exactly the configured banks; an unknown
/// bank is refused with a clear reason and creates nothing.</summary>
public sealed class CentreBanksProcessTests
{
    private static async Task<SiteProcess> StartAsync(params string[] arguments)
    {
        var site = new SiteProcess();
        foreach (string argument in (string[])["--Site:WarmUpOnStart", "false", .. arguments])
        {
            site.Arguments.Add(argument);
        }

        await site.StartAsync();
        return site;
    }

    [Fact]
    public async Task Units_choose_from_the_configured_banks_and_an_unknown_bank_is_refused()
    {
        await using (SiteProcess embedded = await StartAsync())
        {
            using HttpClient admin = embedded.CreateClient();
            await FormPost.SignInStaffAsync(admin, "demo-admin", DemoSite.Password);
            string page = WebUtility.HtmlDecode(await admin.GetStringAsync("/console/units"));
            Assert.All(CentreOptions.DefaultBanks, b => Assert.Contains($"value=\"{b.Code}\"", page, StringComparison.Ordinal));
        }

        await using SiteProcess site = await StartAsync("--Centre:Banks:0:Code", "SZB", "--Centre:Banks:0:Zh", "苏州银行", "--Centre:Banks:0:En", "Bank of Suzhou");
        using HttpClient client = site.CreateClient();
        await FormPost.SignInStaffAsync(client, "demo-admin", DemoSite.Password);
        string units = WebUtility.HtmlDecode(await client.GetStringAsync("/console/units"));
        Assert.Contains("value=\"SZB\"", units, StringComparison.Ordinal);
        Assert.Contains("苏州银行", units, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"ICBC\"", units, StringComparison.Ordinal);

        HttpResponseMessage refused = await FormPost.PostAsync(client, "/console/units",
            new Dictionary<string, string> { ["Code"] = "940001", ["Name"] = "工行开户公司", ["ParentCode"] = "", ["BankCode"] = "ICBC" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // the form again, with the reason
        Assert.Contains("不在本中心的银行列表中", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("data-code=\"940001\"", await client.GetStringAsync("/console/units?q=940001"), StringComparison.Ordinal);

        HttpResponseMessage created = await FormPost.PostAsync(client, "/console/units",
            new Dictionary<string, string> { ["Code"] = "940002", ["Name"] = "苏州开户公司", ["ParentCode"] = "", ["BankCode"] = "SZB", ["BankBranch"] = "园区支行" });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"create unit: {(int)created.StatusCode}\n{site.Output}");
        string detail = WebUtility.HtmlDecode(await client.GetStringAsync(created.Headers.Location!.OriginalString.Split('?')[0]));
        Assert.Contains("<option value=\"SZB\" selected=\"selected\">", detail, StringComparison.Ordinal);
        Assert.Contains("园区支行", detail, StringComparison.Ordinal);
    }
}
