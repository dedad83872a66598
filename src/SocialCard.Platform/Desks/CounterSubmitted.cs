using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Desks;

/// <summary>A counter submission just recorded: its id, the stored photo and the pre-review's answer.</summary>
public sealed record CounterSubmitted(long SubmissionId, long PhotoId, string PersonalNumber, PhotoReview Review);
