using Microsoft.AspNetCore.Http.HttpResults;
using SocialCard.Platform.Changes;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.RegistrationForm;

namespace SocialCard.Web.Features.Wizard;

/// <summary>GET /apply/change/form.pdf: the registration form of the application of a verified change session.</summary>
public static class ChangeFiles
{
    public static void MapChangeFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/apply/change/form.pdf", GetFormAsync).ExcludeFromDescription();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetFormAsync(
        HttpContext context, ChangeSessionService sessions, ApplicationViews applications, RegistrationFormGenerator generator,
        bool inline = false, CancellationToken cancellationToken = default)
    {
        context.Response.Headers.CacheControl = "no-store";
        ChangeSession? session = await sessions.FindAsync(context.Request.Cookies[ChangeModel.CookieName], cancellationToken).ConfigureAwait(false);
        if (session is not { IsVerified: true, ApplicationId: { } id }
            || await applications.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return TypedResults.NotFound();
        }

        return WizardFiles.FormFile(generator, view, inline);
    }
}
