using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Portal;

/// <summary>A person of the unit with their newest card: state, production date and pick-up date (production + 30 days).</summary>
public sealed record PersonCardView(
    long PersonId,
    string PersonalNumber,
    string MaskedName,
    string MaskedIdNumber,
    CardState? State,
    string? Reason,
    DateOnly? ProducedOn,
    DateOnly? ReadyForPickupOn);
