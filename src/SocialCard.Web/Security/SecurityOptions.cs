namespace SocialCard.Web.Security;

/// <summary>Host security settings (section "Security"). Account lock-out (5 failures, 15 minutes) is the
/// Platform's rule, kept on the account row.</summary>
public sealed class SecurityOptions
{
    /// <summary>Sign-in attempts per client address per minute (all accounts together).</summary>
    public int LoginPermitsPerMinute { get; set; } = 20;

    /// <summary>Largest request body accepted for uploads (a 50-photo zip at 40 KB each is ~2 MB).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest single photo accepted.</summary>
    public long MaxPhotoBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Idle lifetime of a browser session.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromMinutes(30);
}
