using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialCard.Platform;
using SocialCard.Platform.Batches;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

public sealed class IndexModel(UnitBatchService batches, PhotoUploadService uploads, IOptions<SecurityOptions> security) : PageModel
{
    public const int MaxPhotos = 50;

    public IReadOnlyList<BatchStatusView> Batches { get; private set; } = [];

    public IReadOnlyList<BatchRefusal> Refusals { get; private set; } = [];

    public bool PackageRefused { get; private set; }

    public string? ErrorKey { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Batches = await batches.ListAsync(User.RequireUnitId(), 20, cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? package, List<IFormFile>? photos, CancellationToken cancellationToken)
    {
        string unitCode = User.RequireUnitCode();
        UploadOutcome outcome;
        if (package is { Length: > 0 })
        {
            if (package.Length > security.Value.MaxUploadBytes)
            {
                return await ShowErrorAsync("problem.toolarge", cancellationToken);
            }

            outcome = await uploads.UploadZipAsync(unitCode, User.AuditActor(), Path.GetFileName(package.FileName), await ReadAsync(package, cancellationToken), cancellationToken);
        }
        else if (photos is { Count: > 0 })
        {
            if (photos.Count > MaxPhotos)
            {
                return await ShowErrorAsync("portal.upload.toomany", cancellationToken);
            }

            var inputs = new List<PhotoInput>(photos.Count);
            foreach (IFormFile photo in photos)
            {
                if (photo.Length > security.Value.MaxPhotoBytes)
                {
                    return await ShowErrorAsync("problem.toolarge", cancellationToken);
                }

                inputs.Add(new PhotoInput(Path.GetFileName(photo.FileName), await ReadAsync(photo, cancellationToken)));
            }

            outcome = await uploads.UploadPhotosAsync(unitCode, User.AuditActor(), inputs, cancellationToken);
        }
        else
        {
            return await ShowErrorAsync("portal.upload.none", cancellationToken);
        }

        if (!outcome.Succeeded)
        {
            Refusals = outcome.Refusals;
            PackageRefused = outcome.Refusals.Any(r => r.Scope == BatchRefusalScope.Package) || outcome.Accepted == 0;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        if (outcome.Refusals.Count > 0)
        {
            TempData["Refusals"] = string.Join("\n", outcome.Refusals.Select(r => (r.EntryName ?? "") + "：" + r.MessageZh + " / " + r.MessageEn));
        }

        return Redirect($"/portal/batches/{outcome.BatchId}?ms={outcome.CheckMilliseconds}");
    }

    internal static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task<IActionResult> ShowErrorAsync(string key, CancellationToken cancellationToken)
    {
        ErrorKey = key;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
