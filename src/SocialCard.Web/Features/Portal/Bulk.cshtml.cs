using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Bulk;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>
/// The bulk desk's first step: a zip, a folder or loose photos (and optionally the staff list) are pre-reviewed and
/// kept as a report by the Platform's <see cref="BulkDesk"/>; nothing is submitted here.
/// </summary>
public sealed class BulkModel(BulkDesk desk, PhotoUploadService uploads, IOptions<SecurityOptions> security) : PageModel
{
    public string? ErrorKey { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? zip, List<IFormFile>? photos, IFormFile? staff, CancellationToken cancellationToken)
    {
        var files = new List<BulkPhotoFile>();
        var refusals = new List<BulkFileRefusal>();
        if (zip is { Length: > 0 })
        {
            (IReadOnlyList<BulkPhotoFile> fromZip, IReadOnlyList<BulkFileRefusal> refused) = BulkArchive.Read(await IndexModel.ReadAsync(zip, cancellationToken), Path.GetFileName(zip.FileName));
            files.AddRange(fromZip);
            refusals.AddRange(refused);
        }

        foreach (IFormFile photo in photos ?? [])
        {
            string name = Path.GetFileName(photo.FileName);
            if (photo.Length == 0 || name.StartsWith('.'))
            {
                continue;
            }

            if (!BulkArchive.IsJpegName(name) || photo.Length > security.Value.MaxPhotoBytes)
            {
                refusals.Add(new BulkFileRefusal(name, "不是 jpg 照片或文件过大，未读取。", "Not a jpg photo or too large; not read."));
                continue;
            }

            files.Add(new BulkPhotoFile(name, await IndexModel.ReadAsync(photo, cancellationToken)));
        }

        if (zip is not { Length: > 0 } && (photos is null || photos.Count == 0))
        {
            return Error("bulk.none");
        }

        if (files.Count == 0 && refusals.Count == 0)
        {
            return Error("bulk.nophotos");
        }

        if (files.Count > BulkArchive.MaxPhotos)
        {
            return Error("bulk.toomany");
        }

        StaffList? list = null;
        if (staff is { Length: > 0 })
        {
            await using Stream content = staff.OpenReadStream();
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            list = StaffList.Read(buffer, Path.GetFileName(staff.FileName));
        }

        BulkCheck check = await desk.CheckAsync(User.RequireUnitId(), files, refusals, list, uploads.ProfileId, cancellationToken);
        return Redirect($"/portal/bulk/{check.Token}");
    }

    private PageResult Error(string key)
    {
        ErrorKey = key;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
