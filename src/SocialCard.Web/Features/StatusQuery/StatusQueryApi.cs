using Microsoft.AspNetCore.Http.HttpResults;

namespace SocialCard.Web.Features.StatusQuery;

/// <summary>POST /status/query (JSON): the same answer as the /status page, for the centre's site and apps.</summary>
public static class StatusQueryApi
{
    public static RouteGroupBuilder MapStatusQueryApi(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/status").WithTags("Status query").RequireRateLimiting(StatusQueryRateLimit.PolicyName);
        group.MapPost("/query", QueryAsync)
            .WithSummary("社保卡制卡发卡查询 / Card status by social security or personal number plus ID number")
            .DisableAntiforgery();
        return group;
    }

    private static async Task<Results<Ok<CardStatusAnswer>, ValidationProblem>> QueryAsync(
        StatusQueryRequest request, CardStatusService service, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        Dictionary<string, string[]> errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await service.QueryAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Shape checks only (both languages): one of the two numbers and the ID number are required.</summary>
    public static Dictionary<string, string[]> Validate(StatusQueryRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.SocialSecurityNumber) && string.IsNullOrWhiteSpace(request.PersonalNumber))
        {
            errors["number"] = ["请输入社保编号或10位个人编号（二选一）。 / Enter the social security number or the 10-digit personal number."];
        }
        else if (!string.IsNullOrWhiteSpace(request.PersonalNumber)
                 && SocialCard.Platform.Domain.Validation.InputRules.PersonalNumber(request.PersonalNumber) is { } error)
        {
            errors["personalNumber"] = [$"{error.Zh} / {error.En}"];
        }

        if (string.IsNullOrWhiteSpace(request.IdNumber))
        {
            errors["idNumber"] = ["请输入证件号码（必填）。 / Enter the ID number (required)."];
        }

        return errors;
    }
}
