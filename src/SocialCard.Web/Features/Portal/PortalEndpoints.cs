using Microsoft.AspNetCore.Http.HttpResults;
using SocialCard.Platform;
using SocialCard.Platform.Bulk;
using SocialCard.Platform.Reports;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>
/// Non-page resources of the employer portal: photo thumbnails, batch progress (JSON, for polling) and the failure
/// lists as .xlsx/.csv. Same policy as the pages; every lookup is filtered by the signed-in unit.
/// </summary>
public static class PortalEndpoints
{
    public static RouteGroupBuilder MapPortal(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/portal").RequireAuthorization(AuthPolicies.UnitMember).ExcludeFromDescription();
        group.MapGet("/photos/{id:long}/image", GetPhotoAsync);
        group.MapGet("/photos/{id:long}/fixed", GetFixedPhotoAsync);
        group.MapGet("/batches/{id:long}/status", GetBatchStatusAsync);
        group.MapGet("/bulk/{token}/photos/{index:int}", GetBulkPhotoAsync);
        group.MapGet("/bulk/{token}/photos/{index:int}/fixed", GetBulkFixedPhotoAsync);
        group.MapGet("/bulk/{token}/packages/{number:int}", DownloadBulkPackageAsync);
        group.MapGet("/failures.{format:regex(^(xlsx|csv)$)}", DownloadFailuresAsync);
        group.MapGet("/card-failures.{format:regex(^(xlsx|csv)$)}", DownloadCardFailuresAsync);
        return group;
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetPhotoAsync(long id, HttpContext http, PortalQueries queries, CancellationToken cancellationToken) =>
        await queries.PhotoBytesAsync(http.User.RequireUnitId(), id, fixedVersion: false, cancellationToken) is { } bytes
            ? TypedResults.File(bytes, "image/jpeg")
            : TypedResults.NotFound();

    public static async Task<Results<FileContentHttpResult, NotFound>> GetFixedPhotoAsync(long id, HttpContext http, PortalQueries queries, CancellationToken cancellationToken) =>
        await queries.PhotoBytesAsync(http.User.RequireUnitId(), id, fixedVersion: true, cancellationToken) is { } bytes
            ? TypedResults.File(bytes, "image/jpeg")
            : TypedResults.NotFound();

    public static async Task<Results<FileContentHttpResult, NotFound>> GetBulkPhotoAsync(string token, int index, HttpContext http, BulkDesk desk, CancellationToken cancellationToken) =>
        await desk.PhotoAsync(http.User.RequireUnitId(), token, index, fixedVersion: false, cancellationToken) is { } bytes
            ? TypedResults.File(bytes, "image/jpeg")
            : TypedResults.NotFound();

    public static async Task<Results<FileContentHttpResult, NotFound>> GetBulkFixedPhotoAsync(string token, int index, HttpContext http, BulkDesk desk, CancellationToken cancellationToken) =>
        await desk.PhotoAsync(http.User.RequireUnitId(), token, index, fixedVersion: true, cancellationToken) is { } bytes
            ? TypedResults.File(bytes, "image/jpeg")
            : TypedResults.NotFound();

    /// <summary>
    /// Package <paramref name="number"/> (1-based) of what the bulk desk's one accept submits, as the seed's zip: the
    /// photos in a folder named by the unit code, each named by personal number, at most 50. The fixes listed in
    /// <paramref name="accept"/> (photo indices) go in fixed. Only before the accept: the photos are removed after it.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadBulkPackageAsync(string token, int number, [Microsoft.AspNetCore.Mvc.FromQuery] int[]? accept,
        HttpContext http, BulkDesk desk, CancellationToken cancellationToken)
    {
        if (await desk.GetAsync(http.User.RequireUnitId(), token, cancellationToken) is not { Batches.Count: 0 } check)
        {
            return TypedResults.NotFound();
        }

        IReadOnlyList<IReadOnlyList<BulkPhotoFile>> packages = await desk.PackagesAsync(check, new HashSet<int>(accept ?? []), cancellationToken);
        if (number < 1 || number > packages.Count)
        {
            return TypedResults.NotFound();
        }

        string unit = http.User.RequireUnitCode();
        byte[] zip = PhotoUploadService.Pack(unit, [.. packages[number - 1].Select(p => new PhotoCheck.PhotoInput(p.FileName, p.Bytes))]);
        return TypedResults.File(zip, "application/zip", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unit}-{number}of{packages.Count}.zip"));
    }

    public static async Task<Results<Ok<BatchProgress>, NotFound>> GetBatchStatusAsync(long id, HttpContext http, PortalQueries queries, CancellationToken cancellationToken) =>
        await queries.BatchProgressAsync(http.User.RequireUnitId(), id, cancellationToken) is { } p
            ? TypedResults.Ok(new BatchProgress(id, p.Reviewed, p.Total, p.Passed, p.Failed, p.Reviewed >= p.Total))
            : TypedResults.NotFound();

    public static async Task<FileContentHttpResult> DownloadFailuresAsync(string format, long? batch, HttpContext http, UnitBatchService batches, PortalQueries queries, CancellationToken cancellationToken)
    {
        IReadOnlyList<PreReviewFailureRow> rows = await FailuresModel.LoadAsync(batches, queries, http.User.RequireUnitId(), batch, cancellationToken);
        using var buffer = new MemoryStream();
        string unit = http.User.RequireUnitCode();
        if (format == "xlsx")
        {
            PreReviewFailureReport.WriteXlsx(buffer, rows);
            return TypedResults.File(buffer.ToArray(), XlsxType, $"{unit}-照片预审不合格人员名单.xlsx");
        }

        PreReviewFailureReport.WriteCsv(buffer, rows);
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"{unit}-照片预审不合格人员名单.csv");
    }

    public static async Task<FileContentHttpResult> DownloadCardFailuresAsync(string format, HttpContext http, CardLifecycleService cards, CancellationToken cancellationToken)
    {
        IReadOnlyList<CardStatusView> views = await cards.UnitFailuresAsync(http.User.RequireUnitId(), cancellationToken);
        CardProductionFailureRow[] rows = [.. views.Select(v => new CardProductionFailureRow(v.PersonalNumber, v.MaskedName, v.Reason ?? "", v.StateZh, v.UpdatedAt))];
        using var buffer = new MemoryStream();
        string unit = http.User.RequireUnitCode();
        if (format == "xlsx")
        {
            CardProductionFailureReport.WriteXlsx(buffer, rows);
            return TypedResults.File(buffer.ToArray(), XlsxType, $"{unit}-单位制卡失败人员名单.xlsx");
        }

        CardProductionFailureReport.WriteCsv(buffer, rows);
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"{unit}-单位制卡失败人员名单.csv");
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
