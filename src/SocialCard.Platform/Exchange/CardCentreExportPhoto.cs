namespace SocialCard.Platform.Exchange;

/// <summary>One passing photo to send to the card centre.</summary>
/// <param name="PersonalNumber">10-digit personal number; the photo is stored as <c>photos/&lt;number&gt;.jpg</c>.</param>
/// <param name="Name">The person's full name (the card centre needs it unmasked).</param>
/// <param name="UnitCode">Code of the unit that submitted the photo.</param>
/// <param name="Photo">The JPEG bytes exactly as pre-reviewed.</param>
/// <param name="PreReviewedAt">When the photo passed pre-review.</param>
public sealed record CardCentreExportPhoto(
    string PersonalNumber,
    string Name,
    string UnitCode,
    byte[] Photo,
    DateTimeOffset PreReviewedAt);
