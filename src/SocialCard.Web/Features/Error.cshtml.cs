using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Web.Localization;

namespace SocialCard.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }

    public int StatusCodeValue { get; private set; }

    public void OnGet(int? code) => Fill(code);

    public void OnPost(int? code) => Fill(code);

    public string Heading(UiText text) => StatusCodeValue switch
    {
        StatusCodes.Status404NotFound => text["error.notfound"],
        StatusCodes.Status403Forbidden => text["error.forbidden"],
        StatusCodes.Status413PayloadTooLarge => text["problem.toolarge"],
        _ => text["error.title"],
    };

    private void Fill(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        StatusCodeValue = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        if (code == StatusCodes.Status403Forbidden)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
