using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialCard.Platform;
using SocialCard.Platform.Reports;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>照片预审不合格人员查询: search, page, download, and re-submit a photo per person.</summary>
public sealed class FailuresModel(UnitBatchService batches, PortalQueries queries, PhotoUploadService uploads, UiText text, IOptions<SecurityOptions> security) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "batch")]
    public long? BatchId { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageParameter)]
    public int PageNumber { get; set; } = 1;

    public PagedList<PreReviewFailureRow> Rows { get; private set; } = new([], 1, PageSize, 0);

    public PagerModel Pager => new("/portal/failures", new Dictionary<string, string?> { ["q"] = Q, ["batch"] = BatchId?.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Rows.Page, Rows.Pages, Rows.Total);

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PreReviewFailureRow> all = await LoadAsync(batches, queries, User.RequireUnitId(), BatchId, cancellationToken);
        Rows = Filter(all, Q).ToPage(PageNumber, PageSize);
    }

    public async Task<IActionResult> OnPostResubmitAsync(string? number, IFormFile? photo, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || photo is not { Length: > 0 } || photo.Length > security.Value.MaxPhotoBytes)
        {
            Message = text["portal.upload.none"];
            MessageIsError = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        UploadOutcome? outcome = await uploads.ResubmitAsync(User.RequireUnitCode(), User.RequireUnitId(), User.AuditActor(), number.Trim(),
            await IndexModel.ReadAsync(photo, cancellationToken), cancellationToken);
        if (outcome is null)
        {
            Message = text["portal.resubmit.notfound"];
            MessageIsError = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        if (!outcome.Succeeded)
        {
            Message = string.Join("；", outcome.Refusals.Select(r => text.Pick(r.MessageZh, r.MessageEn)));
            MessageIsError = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = text.Format("portal.resubmit.done", number.Trim());
        return Redirect($"/portal/batches/{outcome.BatchId}?ms={outcome.CheckMilliseconds}");
    }

    /// <summary>The unit's current failures: people whose newest photo passed are off the list.</summary>
    public static async Task<IReadOnlyList<PreReviewFailureRow>> LoadAsync(UnitBatchService batches, PortalQueries queries, long unitId, long? batchId, CancellationToken cancellationToken)
    {
        IReadOnlyList<PreReviewFailureRow> rows = await batches.FailureListAsync(unitId, batchId, cancellationToken);
        HashSet<string> cleared = await queries.NumbersWithNewerPassAsync(unitId, cancellationToken);
        return [.. rows.Where(r => !cleared.Contains(r.PersonalNumber)).OrderByDescending(r => r.UploadedAt)];
    }

    public static IReadOnlyList<PreReviewFailureRow> Filter(IReadOnlyList<PreReviewFailureRow> rows, string? q) =>
        string.IsNullOrWhiteSpace(q)
            ? rows
            : [.. rows.Where(r => r.PersonalNumber.StartsWith(q.Trim(), StringComparison.Ordinal) || r.Name.Contains(q.Trim(), StringComparison.Ordinal) || r.FileName.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))];
}
