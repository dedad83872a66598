using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Reports;
using SocialCard.Web.Features.Portal;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>申领受理: the applications the wizard collected (masked list), with the export for operators.</summary>
public sealed class ApplicationsModel(ApplicationsDesk desk, IAuthorizationService authorization, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<SocialCard.Platform.Centre.CentreOptions> centre) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public ApplicationState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageParameter)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ApplicationListItem> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public bool CanExport { get; private set; }

    public DateOnly Today { get; private set; }

    public PagerModel Pager => new("/console/applications", new Dictionary<string, string?> { ["state"] = State?.ToString(), ["q"] = Number },
        PageNumber, Math.Max(1, (Total + PageSize - 1) / PageSize), Total);

    /// <summary>申领信息导出 for a period of submission dates (China time), .xlsx or .csv; operators only.</summary>
    public async Task<IActionResult> OnGetExportAsync(DateOnly? from, DateOnly? to, string? format, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, AuthPolicies.Operator)).Succeeded)
        {
            return Forbid(AuthSchemes.Staff);
        }

        if (from is not { } start || to is not { } end || end < start)
        {
            return BadRequest();
        }

        IReadOnlyList<ApplicationReview> rows = await desk.ExportAsync(start, end, User.AuditActor(), cancellationToken);
        bool csv = format == "csv";
        using var buffer = new MemoryStream();
        if (csv)
        {
            ApplicationsReport.WriteCsv(buffer, rows, centre: centre.Value);
        }
        else
        {
            ApplicationsReport.WriteXlsx(buffer, rows, centre: centre.Value);
        }

        string name = FormattableString.Invariant($"applications-{start:yyyyMMdd}-{end:yyyyMMdd}") + (csv ? ".csv" : ".xlsx");
        return File(buffer.ToArray(), csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanExport = (await authorization.AuthorizeAsync(User, AuthPolicies.Operator)).Succeeded;
        Today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(PortalFormat.ChinaOffset).DateTime);
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await desk.ListAsync(State, Number, PageNumber, PageSize, cancellationToken);
    }
}
