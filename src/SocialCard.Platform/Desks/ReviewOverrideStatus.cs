namespace SocialCard.Platform.Desks;

public enum ReviewOverrideStatus
{
    Done,

    /// <summary>No such photo.</summary>
    NotFound,

    /// <summary>The card is past review (sent, produced...).</summary>
    PastReview,

    /// <summary>The photo's number names nobody in the database: passing it would make no card.</summary>
    UnknownPerson,
}
