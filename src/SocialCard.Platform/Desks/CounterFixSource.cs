namespace SocialCard.Platform.Desks;

/// <summary>The original of a counter photo the clerk may run the automatic fix on, with the submission it came with.</summary>
public sealed record CounterFixSource(long SubmissionId, long PhotoId, string PersonalNumber, byte[] Original, bool ApplicationFormReceived, bool CollectionFormReceived);
