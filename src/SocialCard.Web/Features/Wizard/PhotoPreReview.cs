namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The instant pre-review of an uploaded photo, as shown to the applicant. <see cref="NeedsReview"/>: the photo passed
/// no rule's failure but some reading sat too close to its limit to call, so it is accepted only after a look by centre
/// staff (the submitted photo is recorded as waiting for that review). <see cref="CanFix"/>: the photo fails only rules
/// the one-click fix can repair. <see cref="FixPending"/>: the fixed photo is shown next to the original and waits for
/// the applicant's accept. <see cref="FixRefusal"/>: why the fix was refused (the original stays, no fixed picture).
/// </summary>
public sealed record PhotoPreReview(
    bool Passed,
    IReadOnlyList<PhotoPreReviewItem> Items,
    bool CanFix,
    bool WasFixed,
    bool NeedsReview = false,
    bool FixPending = false,
    PhotoFixRefusal? FixRefusal = null);

/// <summary>One rule's finding: id, pass/fail, bilingual message.</summary>
public sealed record PhotoPreReviewItem(string RuleId, bool Passed, bool IsWarning, string Zh, string En);
