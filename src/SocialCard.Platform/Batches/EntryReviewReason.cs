namespace SocialCard.Platform.Batches;

/// <summary>One reason a photo failed (or was flagged in) pre-review, as the photo engine words it.</summary>
/// <param name="RuleId">Stable rule id, e.g. <c>file.size</c>, <c>pose.roll</c>, <c>registry.unmatched</c>.</param>
/// <param name="MessageZh">Message in Chinese.</param>
/// <param name="MessageEn">Message in English.</param>
public sealed record EntryReviewReason(string RuleId, string MessageZh, string MessageEn);
