using System.Net;
using SocialCard.Platform.Centre;
using SocialCard.Web.Tests.Infrastructure;
using SocialCard.Web.Tests.Wizard;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>
/// One centre per site, from configuration: the demo centre by default (both channels), the Chengdu sample with
/// <c>CentreFile</c>. Every page names the same centre; a channel that is off has no pages and no entries.
/// </summary>
public sealed class CentreIdentityTests
{
    private static readonly string[] Pages = ["/", "/status", "/console/login"];

    [Fact]
    public async Task The_demo_centre_offers_both_channels_under_one_name()
    {
        using var site = new SiteFactory();
        using HttpClient client = site.CreateBrowserLikeClient();
        var demo = new CentreOptions();

        string home = await client.GetStringAsync("/");
        Assert.Contains(demo.SiteName.Zh, home, StringComparison.Ordinal);
        Assert.Contains("<title>社保卡照片服务</title>", home, StringComparison.Ordinal); // the site's name once, not "name - name"
        Assert.Contains(demo.AgencyName.Zh, home, StringComparison.Ordinal);
        Assert.Contains("id=\"go-portal\"", home, StringComparison.Ordinal);
        Assert.Contains("id=\"go-apply\"", home, StringComparison.Ordinal);

        string notice = await client.GetStringAsync("/apply");
        Assert.Contains(demo.Hotline, notice, StringComparison.Ordinal);
        Assert.Contains(demo.AgencyShortName.Zh, notice, StringComparison.Ordinal);
        foreach (string page in Pages.Append("/apply").Append("/portal/login"))
        {
            string html = await client.GetStringAsync(page);
            Assert.DoesNotContain("中智四川", html, StringComparison.Ordinal);
            Assert.DoesNotContain("028-", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_chengdu_sample_names_chengdu_everywhere_and_has_no_unit_package_channel()
    {
        using var site = new SiteFactory();
        site.Settings["CentreFile"] = CentreSamples.ChengduFile;
        using HttpClient client = site.CreateBrowserLikeClient();
        CentreOptions chengdu = CentreSamples.Chengdu();

        string home = await client.GetStringAsync("/");
        Assert.Contains(chengdu.SiteName.Zh, home, StringComparison.Ordinal);
        Assert.Contains(chengdu.AgencyName.Zh, home, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"go-portal\"", home, StringComparison.Ordinal);
        Assert.Contains("id=\"go-apply\"", home, StringComparison.Ordinal);

        string notice = await client.GetStringAsync("/apply");
        Assert.Contains("中智四川公司：028-86245818-2090/2039", notice, StringComparison.Ordinal);
        var wizard = new WizardClient(client);
        await wizard.AdvanceAsync("/apply", new Dictionary<string, string> { ["Accepted"] = "true" }, "/apply/agreement");
        string agreement = await wizard.GetHtmlAsync("/apply/agreement");
        Assert.Contains("中智四川经济技术合作有限公司经市医保局同意", agreement, StringComparison.Ordinal);
        foreach (string page in Pages.Append("/apply").Append("/apply/change"))
        {
            string html = await client.GetStringAsync(page);
            Assert.DoesNotContain("苏州", html, StringComparison.Ordinal);
            Assert.DoesNotContain("园区", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/portal/login")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/portal")).StatusCode);
        using var empty = new MultipartFormDataContent();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/batches", empty)).StatusCode);
    }

    [Fact]
    public async Task A_wizard_turned_off_has_no_pages_and_no_entries()
    {
        using var site = new SiteFactory();
        site.Settings["Centre:Channels:ApplicantWizard"] = "false";
        using HttpClient client = site.CreateBrowserLikeClient();

        string home = await client.GetStringAsync("/");
        Assert.DoesNotContain("id=\"go-apply\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"go-change\"", home, StringComparison.Ordinal);
        Assert.Contains("id=\"go-portal\"", home, StringComparison.Ordinal);
        foreach (string path in (string[])["/apply", "/apply/agreement", "/apply/change", "/apply/form.pdf"])
        {
            HttpResponseMessage response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal/login")).StatusCode);
    }

    [Fact]
    public async Task The_site_started_as_run_sh_does_runs_the_sample_named_on_its_command_line()
    {
        await using var site = new SiteProcess();
        site.Arguments.Add("--CentreFile");
        site.Arguments.Add(CentreSamples.ChengduFile);
        site.Arguments.Add("--Site:WarmUpOnStart");
        site.Arguments.Add("false");
        await site.StartAsync();
        using HttpClient client = site.CreateClient();

        string home = await client.GetStringAsync("/");
        Assert.Contains("成都市新社保卡数据采集平台", home, StringComparison.Ordinal);
        Assert.DoesNotContain("苏州", home, StringComparison.Ordinal);
        Assert.Contains("028-86245818", await client.GetStringAsync("/apply"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/portal/login")).StatusCode);
    }
}
