using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.Portal;
using SocialCard.Web.Hosting;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Integration;

/// <summary>
/// Machine endpoints for HR systems: submit a unit package, follow its pre-review, look up a card by personal
/// number. Each key acts only for the units configured on it; anything else answers 404 (no hint that it exists).
/// </summary>
public static class IntegrationApi
{
    public static RouteGroupBuilder MapIntegrationApi(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(AuthPolicies.Integrator)
            .RequireRateLimiting(ServiceDefaultsExtensions.ApiRateLimit)
            .DisableAntiforgery();
        group.MapPost("/batches", SubmitBatchAsync).WithTags("Batches").WithName("SubmitBatch")
            .WithSummary("提交单位照片压缩包 / Submit a unit photo package")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/batches/{id:long}", GetBatchAsync).WithTags("Batches").WithName("GetBatch")
            .WithSummary("批次预审状态 / Batch pre-review status").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/cards/{personalNumber}", GetCardAsync).WithTags("Cards").WithName("GetCard")
            .WithSummary("制卡发卡状态 / Card status by personal number").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Accepted<BatchAcceptedDto>, ProblemHttpResult>> SubmitBatchAsync(
        HttpContext http,
        [FromServices] PhotoUploadService uploads,
        [FromServices] IOptions<SecurityOptions> security,
        CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return ApiProblems.Result(http, 400, "problem.validation", "请以 multipart/form-data 提交（字段 unit、package）。", "Send multipart/form-data (fields 'unit' and 'package').");
        }

        IFormCollection form = await http.Request.ReadFormAsync(cancellationToken);
        string unit = form["unit"].FirstOrDefault()?.Trim() ?? "";
        IFormFile? package = form.Files.GetFile("package");
        if (unit.Length == 0 || package is null || package.Length == 0)
        {
            return ApiProblems.Result(http, 400, "problem.validation", "缺少单位代码（unit）或压缩包（package）。", "The unit code ('unit') or the package ('package') is missing.");
        }

        if (!http.User.MayActFor(unit))
        {
            return ApiProblems.Result(http, 403, "problem.forbidden", "此 API 密钥不能代表该单位提交。", "This API key may not submit for that unit.");
        }

        if (package.Length > security.Value.MaxUploadBytes)
        {
            return ApiProblems.Result(http, 413, "problem.toolarge");
        }

        using var buffer = new MemoryStream((int)package.Length);
        await package.CopyToAsync(buffer, cancellationToken);
        UploadOutcome outcome = await uploads.UploadZipAsync(unit, http.User.AuditActor(), Path.GetFileName(package.FileName), buffer.ToArray(), cancellationToken);
        List<BatchRefusalDto> refusals = [.. outcome.Refusals.Select(r => new BatchRefusalDto(r.StableCode, r.EntryName, r.MessageZh, r.MessageEn))];
        if (!outcome.Succeeded)
        {
            ProblemDetails problem = ApiProblems.Build(http, 422, "problem.validation", "压缩包未被接收。", "The package was not accepted.");
            problem.Extensions["refusals"] = refusals;
            return TypedResults.Problem(problem);
        }

        string url = $"/api/v1/batches/{outcome.BatchId}";
        return TypedResults.Accepted(url, new BatchAcceptedDto(outcome.BatchId!.Value, outcome.Accepted, refusals, url));
    }

    public static async Task<Results<Ok<BatchStatusDto>, ProblemHttpResult>> GetBatchAsync(
        long id, HttpContext http, [FromServices] PlatformDatabase database, [FromServices] PortalQueries queries, CancellationToken cancellationToken)
    {
        string? unitCode;
        long unitId;
        await using (PlatformDbContext db = database.CreateDbContext())
        {
            var row = await (from b in db.Batches.AsNoTracking()
                             join u in db.Units on b.UnitId equals u.Id
                             where b.Id == id
                             select new { u.Code, u.Id }).SingleOrDefaultAsync(cancellationToken);
            unitCode = row?.Code;
            unitId = row?.Id ?? 0;
        }

        if (unitCode is null || !http.User.MayActFor(unitCode) || await queries.BatchAsync(unitId, id, cancellationToken) is not { } batch)
        {
            return ApiProblems.Result(http, 404, "problem.notfound");
        }

        return TypedResults.Ok(new BatchStatusDto(batch.Id, unitCode, batch.State.ToString(), batch.EntryCount, batch.Reviewed, batch.Passed, batch.Failed, batch.IsComplete,
            [.. batch.Entries.Select(e => new BatchEntryDto(e.EntryName, e.PersonalNumber,
                e.Verdict switch { PhotoVerdict.Passed => "pass", PhotoVerdict.Failed => "fail", _ => "pending" },
                [.. e.Failures.Select(f => new BatchReasonDto(f.Rule, f.Zh, f.En))]))]));
    }

    public static async Task<Results<Ok<CardStatusDto>, ProblemHttpResult>> GetCardAsync(
        string personalNumber, HttpContext http, [FromServices] PlatformDatabase database, [FromServices] IOptions<CentreOptions> centre,
        CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        CardLookupRow? row = await CardByNumber(db, personalNumber, cancellationToken);
        if (row is null || !await MayReadUnitAsync(db, http, row.Code, row.ParentId, cancellationToken))
        {
            return ApiProblems.Result(http, 404, "problem.notfound");
        }

        return TypedResults.Ok(new CardStatusDto(personalNumber, row.Code, row.State.ToString(), CardStateMachine.ZhName(row.State), row.Reason,
            row.ProducedOn, row.ReadyForPickupOn, row.UpdatedAt, centre.Value.Pickup.Notes(english: false)));
    }

    /// <summary>
    /// The hot look-up of the card status API, compiled once per EF model (no per-call LINQ translation). A compiled
    /// query is bound to the model it was compiled against, and SQLite and PostgreSQL have different models (both can
    /// live in one process, as in the tests), hence one per model.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<PlatformDbContext, string, CancellationToken, Task<CardLookupRow?>>> CardQueries = [];

    private static Task<CardLookupRow?> CardByNumber(PlatformDbContext db, string personalNumber, CancellationToken cancellationToken) =>
        CardQueries.GetValue(db.Model, static _ => EF.CompileAsyncQuery((PlatformDbContext db, string personalNumber, CancellationToken cancellationToken) =>
            (from c in db.CardRecords.AsNoTracking()
             join p in db.People on c.PersonId equals p.Id
             join u in db.Units on p.UnitId equals u.Id
             where c.PersonalNumber == personalNumber
             orderby c.Id descending
             select new CardLookupRow(c.State, c.Reason, c.ProducedOn, c.ReadyForPickupOn, c.UpdatedAt, u.Code, u.ParentId)).FirstOrDefault()))
        (db, personalNumber, cancellationToken);

    /// <summary>The unit itself or one of its ancestors must be in the key's scope (people sit in sub-units).</summary>
    private static async Task<bool> MayReadUnitAsync(PlatformDbContext db, HttpContext http, string code, long? parentId, CancellationToken cancellationToken)
    {
        if (http.User.MayActFor(code))
        {
            return true;
        }

        for (long? current = parentId; current is { } id;)
        {
            var parent = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Code, u.ParentId }).SingleOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                return false;
            }

            if (http.User.MayActFor(parent.Code))
            {
                return true;
            }

            current = parent.ParentId;
        }

        return false;
    }
}
