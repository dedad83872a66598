namespace SocialCard.Web.Features.Portal;

public sealed record BatchProgress(long BatchId, int Reviewed, int Total, int Passed, int Failed, bool Complete);
