namespace SocialCard.Platform.Jobs.Handlers;

public sealed record BatchPreReviewPayload(long BatchId, string ProfileId);
