namespace SocialCard.Platform.Domain;

/// <summary>State of a unit's photo batch (one zip).</summary>
public enum BatchState
{
    /// <summary>Received and stored, pre-review queued.</summary>
    Received = 0,

    /// <summary>Pre-review finished: counts are final.</summary>
    Reviewed = 1,

    /// <summary>Passed photos exported to the card centre.</summary>
    SentToCardCentre = 2,

    /// <summary>The package itself was rejected (e.g. unreadable zip).</summary>
    Rejected = 3,
}
