using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Photos.Packaging;
using SocialCard.Photos.Profiles;
using SocialCard.Platform.Bulk;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.Shared;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>
/// A bulk check's report: every photo with its number, verdict and reasons; "fix all" runs the automatic fix on every
/// failed, named photo and shows before and after; one accept submits the passing photos and the chosen fixes
/// together, split into batches of at most 50.
/// </summary>
public sealed class BulkReportModel(BulkDesk desk, PhotoFixService fixer, PhotoUploadService uploads, UiText text) : PageModel
{
    public BulkCheck? Check { get; private set; }

    public bool CanFix => fixer.IsAvailable;

    public int FixableCount => Check?.Photos.Count(p => p.NeedsFix) ?? 0;

    public int SubmitCount => Check is null ? 0 : Check.ReadyCount + Check.FixedCount;

    public int PackageCount => (SubmitCount + UnitPackageBuilder.MaxPhotosPerZip - 1) / UnitPackageBuilder.MaxPhotosPerZip;

    /// <summary>How many photos package <paramref name="number"/> (1-based) holds.</summary>
    public int PackageSize(int number) => Math.Min(UnitPackageBuilder.MaxPhotosPerZip, SubmitCount - ((number - 1) * UnitPackageBuilder.MaxPhotosPerZip));

    /// <summary>The download of package <paramref name="number"/>, with every fix made (the fixed version goes in).</summary>
    public string PackageUrl(int number) =>
        $"/portal/bulk/{Check!.Token}/packages/{number}" + string.Concat(Check.Photos.Where(p => p.Fix == BulkFixState.Fixed)
            .Select((p, i) => (i == 0 ? "?accept=" : "&accept=") + p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The failing and warning findings; for an unmatched name not the naming rule, which would repeat the file name unmasked.</summary>
    public static IEnumerable<FindingLine> Reasons(BulkCheckPhoto photo) =>
        photo.Findings.Where(f => f.Outcome is FindingOutcome.Fail or FindingOutcome.Warn && (photo.Name.IsResolved || f.Rule != "file.name")).Select(FindingLine.From);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Check = await desk.GetAsync(User.RequireUnitId(), token, cancellationToken);
        return Check is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostFixAsync(string token, CancellationToken cancellationToken)
    {
        if (!fixer.IsAvailable || await desk.GetAsync(User.RequireUnitId(), token, cancellationToken) is not { } check)
        {
            return NotFound();
        }

        if (check.Batches.Count == 0)
        {
            SpecProfile profile = SpecProfiles.Get(uploads.ProfileId);
            foreach (BulkCheckPhoto photo in check.Photos.Where(p => p.NeedsFix))
            {
                byte[]? original = await desk.PhotoAsync(check.UnitId, check.Token, photo.Index, fixedVersion: false, cancellationToken);
                string number = photo.Name.PersonalNumber!;
                PhotoFixResponse? result = original is null ? null : fixer.Fix(original, number + ".jpg", profile, number);
                if (result is { Success: true, JpegBase64: { } jpeg })
                {
                    await desk.RecordFixAsync(check, photo.Index, Convert.FromBase64String(jpeg), cancellationToken);
                }
                else
                {
                    BulkDesk.RecordRefusal(check, photo.Index,
                        result?.Refusal?.Summary.Zh ?? "修正后复检仍不合格，请重新拍照。", result?.Refusal?.Summary.En ?? "The fixed photo still fails the check; take a new photo.");
                }
            }

            await desk.SaveAsync(check, cancellationToken);
        }

        return Redirect($"/portal/bulk/{check.Token}");
    }

    public async Task<IActionResult> OnPostSubmitAsync(string token, int[]? accept, CancellationToken cancellationToken)
    {
        if (await desk.GetAsync(User.RequireUnitId(), token, cancellationToken) is not { } check)
        {
            return NotFound();
        }

        if (check.Batches.Count == 0)
        {
            IReadOnlyList<IReadOnlyList<BulkPhotoFile>> packages = await desk.PackagesAsync(check, new HashSet<int>(accept ?? []), cancellationToken);
            var batchIds = new List<long>(packages.Count);
            int submitted = 0;
            for (int i = 0; i < packages.Count; i++)
            {
                PhotoInput[] inputs = [.. packages[i].Select(p => new PhotoInput(p.FileName, p.Bytes))];
                UploadOutcome outcome = await uploads.UploadZipAsync(User.RequireUnitCode(), User.AuditActor(),
                    text.Format("bulk.batch.name", i + 1, packages.Count), PhotoUploadService.Pack(User.RequireUnitCode(), inputs), cancellationToken);
                if (outcome.BatchId is { } id)
                {
                    batchIds.Add(id);
                    submitted += outcome.Accepted;
                }
            }

            await desk.CompleteAsync(check, batchIds, cancellationToken);
            TempData["Flash"] = text.Format("bulk.submitted", submitted, batchIds.Count);
        }

        return Redirect($"/portal/bulk/{check.Token}");
    }
}
