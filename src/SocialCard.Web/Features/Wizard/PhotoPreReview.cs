namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The instant pre-review of an uploaded photo, as shown to the applicant. <see cref="NeedsReview"/>: the photo passed
/// no rule's failure but some reading sat too close to its limit to call, so it is accepted only after a look by centre
/// staff (the submitted photo is recorded as waiting for that review).
/// </summary>
public sealed record PhotoPreReview(bool Passed, IReadOnlyList<PhotoPreReviewItem> Items, bool CanFix, bool WasFixed, bool NeedsReview = false);

/// <summary>One rule's finding: id, pass/fail, bilingual message.</summary>
public sealed record PhotoPreReviewItem(string RuleId, bool Passed, bool IsWarning, string Zh, string En);
