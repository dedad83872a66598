using Microsoft.AspNetCore.Http.HttpResults;
using SocialCard.Platform.Desks;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>Non-page resources of the console: photo thumbnails and applicants' ID-card images (any staff, audited) and export package downloads (operators).</summary>
public static class ConsoleEndpoints
{
    public static RouteGroupBuilder MapConsole(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/console").RequireAuthorization(AuthPolicies.Staff).ExcludeFromDescription();
        group.MapGet("/photos/{id:long}/image", GetPhotoAsync);
        group.MapGet("/exports/{name}", DownloadExportAsync).RequireAuthorization(AuthPolicies.Operator);
        group.MapGet("/applications/{id:long}/idcard/{side:regex(^(front|back)$)}", GetIdCardAsync);
        return group;
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetPhotoAsync(long id, ConsoleQueries queries, CancellationToken cancellationToken) =>
        await queries.PhotoBytesAsync(id, cancellationToken) is { } bytes ? TypedResults.File(bytes, "image/jpeg") : TypedResults.NotFound();

    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadExportAsync(string name, ExportPackages packages, CancellationToken cancellationToken) =>
        await packages.ReadAsync(name, cancellationToken) is { } bytes ? TypedResults.File(bytes, "application/zip", name + ".zip") : TypedResults.NotFound();

    public static async Task<Results<FileContentHttpResult, NotFound>> GetIdCardAsync(long id, string side, ApplicationsDesk desk, HttpContext context, CancellationToken cancellationToken)
    {
        if (await desk.IdImageAsync(id, side == "front", context.User.AuditActor(), cancellationToken) is not { } bytes)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(bytes, bytes is [0x89, 0x50, ..] ? "image/png" : "image/jpeg");
    }
}
