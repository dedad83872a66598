using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Registry;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>Imports the unit or people registry (CSV/XLSX) through the Platform's importer. Operators and admins only.</summary>
public sealed class RegistryModel(RegistryImporter importer, IAuthorizationService authorization, UiText text) : PageModel
{
    public bool CanImport { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync() => CanImport = (await authorization.AuthorizeAsync(User, AuthPolicies.Operator)).Succeeded;

    public async Task<IActionResult> OnPostAsync(string? kind, IFormFile? file, CancellationToken cancellationToken)
    {
        await OnGetAsync();
        if (!CanImport)
        {
            return Forbid(AuthSchemes.Staff);
        }

        if (file is not { Length: > 0 })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Message = text["portal.upload.none"];
            return Page();
        }

        RegistryFileFormat format = file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? RegistryFileFormat.Xlsx : RegistryFileFormat.Csv;
        await using Stream stream = file.OpenReadStream();
        ImportReport report = kind == "units"
            ? await importer.ImportUnitsAsync(stream, format, User.AuditActor(), cancellationToken)
            : await importer.ImportPeopleAsync(stream, format, User.AuditActor(), cancellationToken);
        Message = text.Format("console.registry.done", report.RowsRead, report.Inserted, report.Updated, report.Rejected);
        Errors = [.. report.Errors.Select(e => $"#{e.Row} {e.Field}: {text.Pick(e.Zh, e.En)}")];
        return Page();
    }
}
