namespace SocialCard.Web.Features.PhotoCheck;

/// <summary><c>POST /api/v1/photos/check</c> answer.</summary>
public sealed record PhotoCheckResponse(string Profile, IReadOnlyList<PhotoReportDto> Photos, long ElapsedMilliseconds);
