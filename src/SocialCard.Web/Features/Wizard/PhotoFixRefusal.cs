namespace SocialCard.Web.Features.Wizard;

/// <summary>Why the one-click fix was refused: in the applicant's words, and the reason with its measures (behind 详情).</summary>
public sealed record PhotoFixRefusal(string Zh, string En, string DetailZh, string DetailEn);
