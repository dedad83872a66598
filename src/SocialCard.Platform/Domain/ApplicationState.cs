namespace SocialCard.Platform.Domain;

/// <summary>State of a registration (申办登记) application.</summary>
public enum ApplicationState
{
    /// <summary>Being filled in, not yet submitted.</summary>
    Draft = 0,

    /// <summary>Submitted; the applicant may still edit it for 24 hours.</summary>
    Submitted = 1,

    /// <summary>The 24-hour window has ended: locked and handed over to the social security bureau.</summary>
    HandedOver = 2,

    /// <summary>Taken back by its owner inside the 24-hour window: never handed over.</summary>
    Withdrawn = 3,
}
