using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Web.Features.Wizard;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>
/// Until Program.cs calls <c>app.MapApplicantEndpoints()</c>, the tests map the applicant endpoints behind the host's
/// own pipeline (with routing and the rate limiter). When Program.cs maps them itself this does nothing.
/// </summary>
public sealed class ApplicantEndpointsFallback : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        if (app.ApplicationServices.GetRequiredService<ApplicantRegistration>().EndpointsMapped)
        {
            return;
        }

        app.UseRouting();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints => endpoints.MapApplicantEndpoints());
    };
}
