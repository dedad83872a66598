using SocialCard.Platform.Domain;

namespace SocialCard.Platform;

/// <summary>制卡发卡查询 answer for one card.</summary>
public sealed record CardStatusView(string PersonalNumber, string MaskedName, CardState State, string StateZh, string? Reason,
    DateOnly? ProducedOn, DateOnly? ReadyForPickupOn, DateTimeOffset? PickedUpAt, DateTimeOffset UpdatedAt);
