using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Integration;

/// <summary>What the card status API reads for one personal number: the newest card and the person's unit.</summary>
internal sealed record CardLookupRow(
    CardState State, string? Reason, DateOnly? ProducedOn, DateOnly? ReadyForPickupOn, DateTimeOffset UpdatedAt, string Code, long? ParentId);
