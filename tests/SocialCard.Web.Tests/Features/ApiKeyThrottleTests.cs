using System.Net;
using System.Text.Json;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Features;

/// <summary>Guessing API keys is throttled per client address (the count lives in the database).</summary>
public sealed class ApiKeyThrottleTests
{
    [Fact]
    public async Task Past_the_budget_of_wrong_keys_the_api_answers_429_with_retry_after()
    {
        using var site = new SiteFactory();
        site.Settings["Security:FailedApiKeyPermits"] = "3";
        using HttpClient client = site.CreateClient();
        for (int i = 0; i < 3; i++)
        {
            using var guess = new HttpRequestMessage(HttpMethod.Get, "/api/v1/photos/profiles");
            guess.Headers.Add("X-Api-Key", "guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(guess)).StatusCode);
        }

        using var next = new HttpRequestMessage(HttpMethod.Get, "/api/v1/photos/profiles");
        next.Headers.Add("X-Api-Key", "guess-next");
        HttpResponseMessage throttled = await client.SendAsync(next);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        using JsonDocument problem = JsonDocument.Parse(await throttled.Content.ReadAsStringAsync());
        Assert.Equal("problem.ratelimited", problem.RootElement.GetProperty("code").GetString());

        // Callers without a key are not counted: they get the plain 401.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/photos/profiles")).StatusCode);
    }
}
