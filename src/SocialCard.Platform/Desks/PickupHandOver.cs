namespace SocialCard.Platform.Desks;

/// <summary>
/// 领卡: what the desk checks before handing a unit's cards over (seed 000 七.1): the unit's stamped letter of
/// introduction (介绍信, its reference), and the unit's clerk with the original of a valid resident ID card.
/// </summary>
public sealed record PickupHandOver(
    string UnitCode,
    IReadOnlyList<string> PersonalNumbers,
    string LetterReference,
    bool LetterStamped,
    string ClerkName,
    string ClerkIdNumber);
