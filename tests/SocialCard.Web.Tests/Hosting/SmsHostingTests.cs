using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Sms;
using SocialCard.Web.Hosting;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>Which SMS gateway the host binds, and where the demo outbox page exists.</summary>
public sealed class SmsHostingTests
{
    [Fact]
    public async Task With_a_provider_endpoint_the_dispatch_job_sends_through_the_HTTP_gateway()
    {
        await using var site = new SiteFactory();
        site.Settings["SmsGateway:Endpoint"] = "http://127.0.0.1:9/api/";
        site.Settings["SmsGateway:AccessKeyId"] = "centre";
        site.Settings["SmsGateway:AccessKeySecret"] = "secret";
        Assert.IsType<HttpSmsGateway>(site.Services.GetRequiredService<ISmsGateway>());
    }

    [Fact]
    public async Task Without_one_the_gateway_only_logs()
    {
        await using var site = new SiteFactory();
        Assert.IsType<LogSmsGateway>(site.Services.GetRequiredService<ISmsGateway>());
    }

    [Fact]
    public async Task The_outbox_page_is_served_to_staff_in_Testing_and_Production_will_not_start_with_it_switched_on()
    {
        await using (var testing = new SiteFactory())
        {
            Assert.NotEqual(HttpStatusCode.OK, (await testing.CreateBrowserLikeClient().GetAsync("/dev/sms-outbox.json")).StatusCode);
            HttpClient staff = testing.CreateBrowserLikeClient();
            await FormPost.SignInStaffAsync(staff, TestAccounts.Reviewer, TestAccounts.Password);
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/dev/sms-outbox.json")).StatusCode);
        }

        await using var production = new ProductionSite();
        production.Settings["SmsOptions:EnableDevOutbox"] = "true";
        Assert.ThrowsAny<Exception>(() => production.Server);
    }

    private sealed class ProductionSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
