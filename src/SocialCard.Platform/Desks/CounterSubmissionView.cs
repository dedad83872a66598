using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Desks;

/// <summary>A paper submission as the person's page and the receipt show it: when, the photo's pre-review verdict and
/// which forms came with it.</summary>
public sealed record CounterSubmissionView(long Id, long PhotoId, DateTimeOffset ReceivedAt, PhotoVerdict Verdict, bool ApplicationFormReceived,
    bool CollectionFormReceived, string StaffActor);
