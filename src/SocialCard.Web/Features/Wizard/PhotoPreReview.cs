namespace SocialCard.Web.Features.Wizard;

/// <summary>The instant pre-review of an uploaded photo, as shown to the applicant.</summary>
public sealed record PhotoPreReview(bool Passed, IReadOnlyList<PhotoPreReviewItem> Items, bool CanFix, bool WasFixed);

/// <summary>One rule's finding: id, pass/fail, bilingual message.</summary>
public sealed record PhotoPreReviewItem(string RuleId, bool Passed, bool IsWarning, string Zh, string En);
