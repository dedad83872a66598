using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SocialCard.Photos;
using SocialCard.Photos.Profiles;
using SocialCard.Platform.Centre;
using SocialCard.Web.Hosting;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>
/// Photo pre-review for integrators: <c>POST /api/v1/photos/check</c> (multipart: one or more <c>file</c> parts, an
/// optional <c>profile</c> id) and <c>GET /api/v1/photos/profiles</c>. API-key only: browser cookies are not accepted
/// here, so the endpoints need no antiforgery token.
/// </summary>
public static class PhotoCheckApi
{
    public static RouteGroupBuilder MapPhotoCheckApi(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/v1/photos")
            .WithTags("Photos")
            .RequireAuthorization(AuthPolicies.Integrator)
            .RequireRateLimiting(ServiceDefaultsExtensions.ApiRateLimit)
            .DisableAntiforgery();
        group.MapPost("/check", CheckAsync)
            .WithName("CheckPhotos")
            .WithSummary("照片预审 / Pre-review photos")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/fix", FixAsync)
            .WithName("FixPhoto")
            .WithSummary("照片自动修正 / Fix a photo automatically")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/profiles", ListProfiles).WithName("ListPhotoProfiles").WithSummary("照片规范列表 / Photo profiles");
        return group;
    }

    public static async Task<Results<Ok<PhotoCheckResponse>, ProblemHttpResult>> CheckAsync(
        HttpContext http,
        [FromServices] WebPhotoCheckService service,
        [FromServices] IOptions<PhotoCheckOptions> checkOptions,
        [FromServices] IOptions<CentreOptions> centre,
        [FromServices] IOptions<SecurityOptions> securityOptions,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        (IReadOnlyList<PhotoInput>? photos, SpecProfile? profile, ProblemHttpResult? problem) =
            await ReadPhotosAsync(http, checkOptions.Value.MaxPhotosPerRequest, securityOptions.Value.MaxPhotoBytes, centre.Value.PhotoProfile, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        (IReadOnlyList<PhotoReport> reports, long elapsed) = service.CheckTimed(photos!, profile!, cancellationToken);
        WebLog.PhotosChecked(loggers.CreateLogger(typeof(PhotoCheckApi)), reports.Count, http.User.ActorName() ?? "?", elapsed);
        return TypedResults.Ok(new PhotoCheckResponse(profile!.Id, [.. reports.Select(PhotoReportDto.From)], elapsed));
    }

    /// <summary>
    /// Fixes one photo (field <c>file</c>, optional <c>profile</c>). JSON by default (report, steps, base64 JPEG);
    /// <c>?format=jpeg</c> returns the fixed JPEG itself, or a 422 problem when the photo cannot be fixed into spec.
    /// </summary>
    public static async Task<Results<Ok<PhotoFixResponse>, FileContentHttpResult, ProblemHttpResult>> FixAsync(
        HttpContext http,
        string? format,
        [FromServices] PhotoFixService fixer,
        [FromServices] IOptions<CentreOptions> centre,
        [FromServices] IOptions<SecurityOptions> securityOptions,
        CancellationToken cancellationToken)
    {
        if (!fixer.IsAvailable)
        {
            return ApiProblems.Result(http, StatusCodes.Status503ServiceUnavailable, "problem.nofix");
        }

        (IReadOnlyList<PhotoInput>? photos, SpecProfile? profile, ProblemHttpResult? problem) =
            await ReadPhotosAsync(http, 1, securityOptions.Value.MaxPhotoBytes, centre.Value.PhotoProfile, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        PhotoFixResponse result = fixer.Fix(photos![0].Bytes, photos[0].FileName, profile!)!;
        if (string.Equals(format, "jpeg", StringComparison.OrdinalIgnoreCase))
        {
            return result.Success && result.JpegBase64 is { } b64
                ? TypedResults.File(Convert.FromBase64String(b64), "image/jpeg", result.FileName ?? photos[0].FileName)
                : ApiProblems.Result(http, StatusCodes.Status422UnprocessableEntity, "problem.validation",
                    "无法自动修正为合格照片：" + (result.Refusal?.Reason.Zh ?? "修正后复检仍不合格"),
                    "The photo cannot be fixed into spec: " + (result.Refusal?.Reason.En ?? "the re-check still fails"));
        }

        return TypedResults.Ok(result);
    }

    public static Ok<IReadOnlyList<string>> ListProfiles() => TypedResults.Ok(SpecProfiles.Ids);

    /// <summary>Reads the multipart body: every file part, and the profile (default: the site's).</summary>
    internal static async Task<(IReadOnlyList<PhotoInput>? Photos, SpecProfile? Profile, ProblemHttpResult? Problem)> ReadPhotosAsync(
        HttpContext http, int maxPhotos, long maxPhotoBytes, string defaultProfile, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, null, ApiProblems.Result(http, StatusCodes.Status400BadRequest, "problem.validation",
                "请以 multipart/form-data 上传照片（字段 file）。", "Upload photos as multipart/form-data (field 'file')."));
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, null, ApiProblems.Result(http, StatusCodes.Status413PayloadTooLarge, "problem.toolarge"));
        }

        string profileId = form["profile"].FirstOrDefault() is { Length: > 0 } p ? p : defaultProfile;
        if (!SpecProfiles.TryGet(profileId, out SpecProfile? profile) || profile is null)
        {
            return (null, null, ApiProblems.Result(http, StatusCodes.Status400BadRequest, "problem.validation",
                $"没有名为“{profileId}”的照片规范；可用：{string.Join(", ", SpecProfiles.Ids)}。",
                $"No photo profile '{profileId}'; available: {string.Join(", ", SpecProfiles.Ids)}."));
        }

        if (form.Files.Count == 0)
        {
            return (null, null, ApiProblems.Result(http, StatusCodes.Status400BadRequest, "problem.validation",
                "没有收到照片文件（字段 file）。", "No photo file received (field 'file')."));
        }

        if (form.Files.Count > maxPhotos)
        {
            return (null, null, ApiProblems.Result(http, StatusCodes.Status400BadRequest, "problem.validation",
                $"一次最多上传 {maxPhotos} 张照片。", $"At most {maxPhotos} photos per request."));
        }

        var photos = new List<PhotoInput>(form.Files.Count);
        foreach (IFormFile file in form.Files)
        {
            if (file.Length > maxPhotoBytes)
            {
                return (null, null, ApiProblems.Result(http, StatusCodes.Status413PayloadTooLarge, "problem.toolarge",
                    $"照片 {file.FileName} 超过 {maxPhotoBytes / 1024} KB。", $"Photo {file.FileName} exceeds {maxPhotoBytes / 1024} KB."));
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            byte[] bytes = buffer.ToArray();
            if (SocialCard.Platform.Security.HeaderPixels.Exceeds(bytes, out int width, out int height))
            {
                string size = SocialCard.Platform.Security.HeaderPixels.Describe(width, height);
                return (null, null, ApiProblems.Result(http, StatusCodes.Status413PayloadTooLarge, "problem.toolarge",
                    $"照片 {file.FileName} 像素过多（{size}），请缩小后重新上传。", $"Photo {file.FileName} has too many pixels ({size}); scale it down."));
            }

            photos.Add(new PhotoInput(Path.GetFileName(file.FileName), bytes));
        }

        return (photos, profile, null);
    }
}
