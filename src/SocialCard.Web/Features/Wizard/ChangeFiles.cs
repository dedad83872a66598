using Microsoft.AspNetCore.Http.HttpResults;
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
        HttpContext context, ChangeSessionStore sessions, ApplicationService applications, RegistrationFormGenerator generator,
        bool inline = false, CancellationToken cancellationToken = default)
    {
        context.Response.Headers.CacheControl = "no-store";
        ChangeSession? session = sessions.Find(context.Request.Cookies[ChangeSessionStore.CookieName]);
        if (session is not { Verified: true, ApplicationId: { } id }
            || await applications.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return TypedResults.NotFound();
        }

        return WizardFiles.FormFile(generator, view, inline);
    }
}
