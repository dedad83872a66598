using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform;
using SocialCard.Platform.Exchange;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>Send passed photos to the city card centre (export package) and import its results. Card operators only act.</summary>
public sealed class ExchangeModel(ConsoleQueries queries, ExportPackages packages, CardLifecycleService cards, IAuthorizationService authorization, UiText text) : PageModel
{
    public int Ready { get; private set; }

    public IReadOnlyList<(string Name, long Bytes, DateTime WrittenUtc)> Packages { get; private set; } = [];

    public bool CanOperate { get; private set; }

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public IReadOnlyList<string> Rejected { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanOperate = (await authorization.AuthorizeAsync(User, AuthPolicies.Operator)).Succeeded;
        Ready = await queries.ReadyToSendAsync(cancellationToken);
        Packages = await packages.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, AuthPolicies.Operator)).Succeeded)
        {
            return Forbid(AuthSchemes.Staff);
        }

        (string name, int count) = await packages.ExportNowAsync(cancellationToken);
        Message = count == 0 ? text["console.exchange.nothing"] : text.Format("console.exchange.exported", name, count);
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? results, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, AuthPolicies.Operator)).Succeeded)
        {
            return Forbid(AuthSchemes.Staff);
        }

        if (results is not { Length: > 0 })
        {
            Message = text["portal.upload.none"];
            MessageIsError = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        await using Stream stream = results.OpenReadStream();
        CardCentreImportResult parsed = await new CardCentreResultImporter().ParseAsync(stream, cancellationToken);
        CardResultApplyReport report = await cards.ApplyCardCentreResultsAsync(parsed, User.AuditActor(), cancellationToken);
        var rejected = parsed.Errors.Select(e => $"#{e.LineNumber}: {text.Pick(e.MessageZh, e.MessageEn)}").ToList();
        rejected.AddRange(report.Rejected.Select(r => $"#{r.Line}: {text.Pick(r.Error.Zh, r.Error.En)}"));
        Rejected = rejected;
        Message = text.Format("console.exchange.imported", report.Applied, rejected.Count);
        MessageIsError = parsed.IsRejected;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
