namespace SocialCard.Platform.Sms;

/// <summary>What the provider knows of a message it accepted.</summary>
public enum SmsDeliveryStatus
{
    /// <summary>The provider does not know the message id (or answered something we do not understand).</summary>
    Unknown,

    /// <summary>Accepted, not yet confirmed by the handset's network.</summary>
    Pending,

    Delivered,

    /// <summary>The network gave up (number off, not reachable, blocked).</summary>
    Failed,
}
