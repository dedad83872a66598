using System.Net;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>The identity step shows a registered name for an ID number, so its lookups are limited per client.</summary>
public sealed class LookupRateLimitTests : IAsyncLifetime
{
    private readonly ApplicantSite _site = new();

    public LookupRateLimitTests() => _site.Settings["Applicant:LookupPermitsPerWindow"] = "3";

    public Task InitializeAsync() => _site.EnsureSeededAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Past_the_limit_the_identity_step_answers_429_and_the_form_still_reads()
    {
        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.ConsentsAsync();
        for (int i = 0; i < 3; i++)
        {
            HttpResponseMessage allowed = await flow.Client.PostAsync("/apply/identity", WizardFlow.Identity(ApplicantData.UnknownId));
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode); // on to "code sent to 1xx****xxxx", as for a known ID number
        }

        HttpResponseMessage limited = await flow.Client.PostAsync("/apply/identity", WizardFlow.Identity(ApplicantData.ApplicantId));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await flow.Client.Http.GetAsync("/apply/identity")).StatusCode);

        // The change page's sign-in shares the limit.
        HttpResponseMessage change = await flow.Client.PostAsync("/apply/change", WizardFlow.Identity(ApplicantData.ApplicantId), "start");
        Assert.Equal(HttpStatusCode.TooManyRequests, change.StatusCode);
    }
}
