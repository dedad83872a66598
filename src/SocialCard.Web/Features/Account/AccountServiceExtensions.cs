using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.Account;

public static class AccountServiceExtensions
{
    public static WebApplicationBuilder AddAccountServices(this WebApplicationBuilder builder)
    {
                builder.Services.AddSingleton<IAccountDirectory, PlatformAccountDirectory>();
        builder.Services.AddScoped<SignInService>();
        builder.Services.AddUiTexts<AccountTexts>();
        return builder;
    }

    /// <summary>GET /culture/{lang}?returnUrl=: stores the language choice in a cookie and goes back (local URLs only).</summary>
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/{lang}", SwitchCulture).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static RedirectHttpResult SwitchCulture(string lang, string? returnUrl, HttpContext http)
    {
        string culture = UiCultures.Normalise(lang);
        http.Response.Cookies.Append(
            UiCultures.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
            });
        string target = returnUrl is { Length: > 0 } && IsLocal(returnUrl) ? returnUrl : "/";
        return TypedResults.LocalRedirect(target);
    }

    private static bool IsLocal(string url) =>
        url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
