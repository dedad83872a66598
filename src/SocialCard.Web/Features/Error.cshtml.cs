using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features;

/// <summary>
/// One page for every error a person can meet: /error/404 (re-executed for unknown pages), /error/403 (the cookie
/// schemes' access-denied path) and /error (an unhandled exception). Each says what happened and what to do next in
/// the person's words; only the server error asks to try again and shows the request id for the helpdesk.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }

    public int StatusCodeValue { get; private set; }

    public bool ShowsRequestId => StatusCodeValue >= StatusCodes.Status500InternalServerError;

    /// <summary>Where the signed-in person works (console or portal home), for a way back; null when signed out.</summary>
    public string? BackPath { get; private set; }

    public string BackKey { get; private set; } = "nav.home";

    public Task OnGetAsync(int? code) => FillAsync(code);

    public Task OnPostAsync(int? code) => FillAsync(code);

    public string Heading(UiText text) => StatusCodeValue switch
    {
        StatusCodes.Status404NotFound => text["error.notfound"],
        StatusCodes.Status403Forbidden => text["error.forbidden"],
        StatusCodes.Status413PayloadTooLarge => text["problem.toolarge"],
        _ => text["error.title"],
    };

    public string Lead(UiText text) => StatusCodeValue switch
    {
        StatusCodes.Status404NotFound => text["error.notfound.lead"],
        StatusCodes.Status403Forbidden => text["error.forbidden.lead"],
        StatusCodes.Status413PayloadTooLarge => text["error.toolarge.lead"],
        _ => text["error.lead"],
    };

    private async Task FillAsync(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // A re-executed status page keeps the original status (an exception's too, e.g. 413 for an upload over the
        // limit); a direct visit (the access-denied redirect) sets it.
        StatusCodeValue = code is >= 400 and <= 599 ? code.Value
            : Response.StatusCode >= StatusCodes.Status400BadRequest ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        if (Response.StatusCode < StatusCodes.Status400BadRequest)
        {
            Response.StatusCode = StatusCodeValue;
        }

        // The page runs without a policy: ask each cookie scheme who is here.
        if ((await HttpContext.AuthenticateAsync(AuthSchemes.Staff)).Succeeded)
        {
            (BackPath, BackKey) = ("/console", "error.back.console");
        }
        else if ((await HttpContext.AuthenticateAsync(AuthSchemes.Unit)).Succeeded)
        {
            (BackPath, BackKey) = ("/portal", "error.back.portal");
        }
    }
}
