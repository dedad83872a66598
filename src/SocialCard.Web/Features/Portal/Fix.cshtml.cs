using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using SocialCard.Photos.Profiles;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>
/// 一键修正: runs the auto-fix on a failed photo of the unit and shows before/after with the re-check; accepting
/// submits the fixed JPEG as the person's new photo (reviewed like any upload). The page does not exist when the
/// fixer is unavailable.
/// </summary>
public sealed class FixModel(PortalQueries queries, PhotoFixService fixer, PhotoUploadService uploads, IMemoryCache cache, UiText text) : PageModel
{
    public long Id { get; private set; }

    public string PersonalNumber { get; private set; } = "";

    public PhotoFixResponse? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!fixer.IsAvailable || await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!fixer.IsAvailable || await LoadAsync(id, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        if (!result.Success || result.JpegBase64 is null)
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

    private async Task<PhotoFixResponse?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        long unitId = User.RequireUnitId();
        if (await queries.PhotoForFixAsync(unitId, id, cancellationToken) is not { } photo)
        {
            return null;
        }

        Id = id;
        PersonalNumber = photo.PersonalNumber;
        SpecProfile profile = SpecProfiles.Get(uploads.ProfileId);
        Result = cache.GetOrCreate($"fix:{unitId}:{id}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return fixer.Fix(photo.Original, photo.FileName, profile, photo.PersonalNumber);
        });
        return Result;
    }
}
