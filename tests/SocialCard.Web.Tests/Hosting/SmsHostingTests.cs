using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Sms;
using SocialCard.Web.Hosting;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>Which SMS gateway the host binds.</summary>
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
}
