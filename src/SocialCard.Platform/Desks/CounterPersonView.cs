using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Desks;

/// <summary>One person's page at the counter: the full record (its read is audited), the card's state and reason,
/// and every paper submission taken for them at the counter, newest first.</summary>
public sealed record CounterPersonView(PersonDetail Person, CardState? CardState, string? CardReason, IReadOnlyList<CounterSubmissionView> Submissions);
