using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Desks;

/// <summary>One person on a counter receipt (name masked: the receipt leaves the centre with the unit's clerk).</summary>
public sealed record CounterReceiptLine(long SubmissionId, string PersonalNumber, string MaskedName, PhotoVerdict Verdict, bool ApplicationFormReceived,
    bool CollectionFormReceived, DateTimeOffset ReceivedAt);
