using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Sms;

namespace SocialCard.Platform.Tests.Sms;

/// <summary>The HTTP SMS gateway against a local fake provider the test starts, through the real DI registration
/// (typed client, resilience pipeline, signing handler).</summary>
public sealed class HttpSmsGatewayTests : IAsyncLifetime
{
    private FakeSmsProvider _provider = null!;
    private ServiceProvider _services = null!;

    private ISmsGateway Gateway => _services.GetRequiredService<ISmsGateway>();

    public Task InitializeAsync()
    {
        _provider = new FakeSmsProvider();
        _services = new ServiceCollection().AddLogging().AddHttpSmsGateway(_provider.Options()).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_text_is_posted_signed_with_phone_text_and_sign_and_reported_sent()
    {
        Assert.True(await Gateway.SendAsync("13800138000", "您的验证码是 123456，5分钟内有效。", default));

        var request = Assert.Single(_provider.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/messages", request.Path);
        Assert.True(request.SignatureValid);
        using JsonDocument body = JsonDocument.Parse(request.Body);
        Assert.Equal("13800138000", body.RootElement.GetProperty("phone").GetString());
        Assert.Equal("您的验证码是 123456，5分钟内有效。", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("【社保卡中心】", body.RootElement.GetProperty("sign").GetString());
    }

    [Fact]
    public void A_signature_over_another_body_or_secret_does_not_match()
    {
        const string Body = "{\"phone\":\"13800138000\"}";
        string good = SmsRequestSignature.Compute(FakeSmsProvider.Secret, 1_700_000_000, "n1", "POST", "/api/messages", System.Text.Encoding.UTF8.GetBytes(Body));
        Assert.True(SmsRequestSignature.Matches(good, good));
        Assert.False(SmsRequestSignature.Matches(good, SmsRequestSignature.Compute(FakeSmsProvider.Secret, 1_700_000_000, "n1", "POST", "/api/messages", "{\"phone\":\"13900139000\"}"u8)));
        Assert.False(SmsRequestSignature.Matches(good, SmsRequestSignature.Compute(FakeSmsProvider.Secret, 1_700_000_001, "n1", "POST", "/api/messages", System.Text.Encoding.UTF8.GetBytes(Body))));
        Assert.False(SmsRequestSignature.Matches(good, SmsRequestSignature.Compute("other", 1_700_000_000, "n1", "POST", "/api/messages", System.Text.Encoding.UTF8.GetBytes(Body))));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_a_fresh_signature_and_the_same_request_id()
    {
        _provider.Next.Enqueue((503, "{}", TimeSpan.Zero));
        _provider.Next.Enqueue((500, "{}", TimeSpan.Zero));

        Assert.True(await Gateway.SendAsync("13800138000", "text", default));

        var attempts = _provider.Received.ToArray();
        Assert.Equal(3, attempts.Length);
        Assert.All(attempts, a => Assert.True(a.SignatureValid));
        Assert.Single(attempts.Select(a => a.RequestId).Distinct());
        Assert.Equal(3, attempts.Select(a => a.Nonce).Distinct().Count());
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        _provider.Next.Enqueue((202, "{\"messageId\":\"slow\",\"status\":\"accepted\"}", TimeSpan.FromSeconds(60)));
        await using ServiceProvider services = new ServiceCollection().AddLogging()
            .AddHttpSmsGateway(_provider.Options(attemptTimeout: TimeSpan.FromSeconds(5))).BuildServiceProvider();

        Assert.True(await services.GetRequiredService<ISmsGateway>().SendAsync("13800138000", "text", default));
        Assert.InRange(_provider.Received.Count, 2, 3); // the slow first attempt was given up and retried
    }

    [Theory]
    [InlineData(400, "{\"status\":\"rejected\",\"reason\":\"invalid number\"}")]
    [InlineData(422, "{\"status\":\"rejected\",\"reason\":\"blocked content\"}")]
    [InlineData(202, "{\"status\":\"rejected\",\"reason\":\"blacklisted\"}")]
    public async Task A_permanent_refusal_is_false_and_not_retried(int status, string answer)
    {
        _provider.Next.Enqueue((status, answer, TimeSpan.Zero));

        Assert.False(await Gateway.SendAsync("10000000000", "text", default));
        Assert.Single(_provider.Received);
    }

    [Fact]
    public async Task A_provider_that_keeps_failing_surfaces_as_an_exception_for_the_job_to_retry_later()
    {
        for (int i = 0; i < 3; i++)
        {
            _provider.Next.Enqueue((503, "{}", TimeSpan.Zero));
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => Gateway.SendAsync("13800138000", "text", default));
        Assert.Equal(3, _provider.Received.Count); // one attempt and MaxRetries = 2
    }

    [Fact]
    public async Task Delivery_status_is_read_back_by_message_id()
    {
        var gateway = _services.GetRequiredService<HttpSmsGateway>();
        _provider.Delivery["m-7"] = "delivered";
        _provider.Delivery["m-8"] = "failed";
        _provider.Delivery["m-9"] = "pending";

        Assert.Equal(SmsDeliveryStatus.Delivered, await gateway.GetDeliveryStatusAsync("m-7", default));
        Assert.Equal(SmsDeliveryStatus.Failed, await gateway.GetDeliveryStatusAsync("m-8", default));
        Assert.Equal(SmsDeliveryStatus.Pending, await gateway.GetDeliveryStatusAsync("m-9", default));
        Assert.Equal(SmsDeliveryStatus.Unknown, await gateway.GetDeliveryStatusAsync("m-404", default));
        Assert.All(_provider.Received, r => Assert.True(r.SignatureValid));
    }
}
