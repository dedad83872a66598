using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SocialCard.Web.Localization;

namespace SocialCard.Web.Hosting;

/// <summary>
/// RFC 9457 problem details with the text in both languages: <c>title</c>/<c>detail</c> in the request's language
/// (zh-CN unless <c>?lang=en</c> or the culture cookie says otherwise) and <c>zh</c>/<c>en</c> extension members
/// holding both, plus a stable <c>code</c> for programs.
/// </summary>
public static class ApiProblems
{
    public static ProblemDetails Build(HttpContext context, int status, string titleKey, string? detailZh = null, string? detailEn = null)
    {
        UiText text = context.RequestServices.GetRequiredService<UiText>();
        UiTextEntry title = text.Both(titleKey);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = text.Pick(title.Zh, title.En),
            Detail = detailZh is null ? null : text.Pick(detailZh, detailEn ?? detailZh),
            Type = $"https://socialcard.invalid/problems/{titleKey}",
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = titleKey;
        problem.Extensions["zh"] = new Dictionary<string, string?> { ["title"] = title.Zh, ["detail"] = detailZh };
        problem.Extensions["en"] = new Dictionary<string, string?> { ["title"] = title.En, ["detail"] = detailEn ?? detailZh };
        problem.Extensions["traceId"] = context.TraceIdentifier;
        return problem;
    }

    public static ProblemHttpResult Result(HttpContext context, int status, string titleKey, string? detailZh = null, string? detailEn = null) =>
        TypedResults.Problem(Build(context, status, titleKey, detailZh, detailEn));

    public static async Task WriteAsync(HttpContext context, int status, string titleKey, string? detailZh = null, string? detailEn = null)
    {
        context.Response.StatusCode = status;
        ProblemDetails problem = Build(context, status, titleKey, detailZh, detailEn);
        await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", context.RequestAborted);
    }

    /// <summary>Generic status → text key, for problems raised by the framework (404, 413, 429, 500...).</summary>
    public static string KeyFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "problem.validation",
        StatusCodes.Status401Unauthorized => "problem.unauthorized",
        StatusCodes.Status403Forbidden => "problem.forbidden",
        StatusCodes.Status404NotFound => "problem.notfound",
        StatusCodes.Status413PayloadTooLarge => "problem.toolarge",
        StatusCodes.Status429TooManyRequests => "problem.ratelimited",
        _ => "problem.server",
    };
}
