using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using SocialCard.Photos.Profiles;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>
/// 一键修正: runs the auto-fix on a failed photo of the unit and shows before/after with the re-check; accepting
/// submits the fixed JPEG as the person's new photo (reviewed like any upload). A photo that fails a rule the fix
/// cannot repair (<see cref="Photos.Fixes.FixCapability"/>) is not fixed at all: the page lists those failures; a
/// refused fix shows why and no picture. The page does not exist when the fixer is unavailable.
/// </summary>
public sealed class FixModel(PortalQueries queries, PhotoFixService fixer, PhotoUploadService uploads, IMemoryCache cache, UiText text) : PageModel
{
    public long Id { get; private set; }

    public string PersonalNumber { get; private set; } = "";

    public PhotoFixResponse? Result { get; private set; }

    /// <summary>The failures the fix cannot repair; when there are any the fix is not run.</summary>
    public IReadOnlyList<PhotoFinding> NotRepairable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!fixer.IsAvailable || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!fixer.IsAvailable || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Result is not { Success: true, JpegBase64: not null } result)
        {
            return Page();
        }

        UploadOutcome? outcome = await uploads.ResubmitAsync(User.RequireUnitCode(), User.RequireUnitId(), User.AuditActor(), PersonalNumber,
            Convert.FromBase64String(result.JpegBase64), cancellationToken);
        if (outcome is not { Succeeded: true })
        {
            return NotFound();
        }

        TempData["Flash"] = text["portal.fix.accepted"];
        return Redirect($"/portal/batches/{outcome.BatchId}?ms={outcome.CheckMilliseconds}");
    }

    /// <summary>False when the photo is not the unit's; else sets <see cref="Result"/>, or <see cref="NotRepairable"/>
    /// without running the fix.</summary>
    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        long unitId = User.RequireUnitId();
        if (await queries.PhotoForFixAsync(unitId, id, cancellationToken) is not { } photo)
        {
            return false;
        }

        Id = id;
        PersonalNumber = photo.PersonalNumber;
        IReadOnlyList<PhotoFinding> findings = await queries.PhotoFindingsAsync(unitId, id, cancellationToken);
        if (!PhotoFinding.FixCanRepair(findings))
        {
            NotRepairable = [.. findings.Where(f => f.Outcome == FindingOutcome.Fail && !Photos.Fixes.FixCapability.Repairable.Contains(f.Rule))];
            return true;
        }

        SpecProfile profile = SpecProfiles.Get(uploads.ProfileId);
        Result = cache.GetOrCreate($"fix:{unitId}:{id}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return fixer.Fix(photo.Original, photo.FileName, profile, photo.PersonalNumber);
        });
        return true;
    }
}
