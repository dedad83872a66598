namespace SocialCard.Web.Security;

/// <summary>Host security settings (section "Security"). The delays after failed sign-ins are the Platform's rule
/// (<c>SignInThrottlePolicy</c>), counted in the database.</summary>
public sealed class SecurityOptions
{
    /// <summary>Reverse proxies (IP addresses) whose <c>X-Forwarded-For</c> names the client; nobody's by default.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of reverse proxies (CIDR, e.g. <c>10.0.0.0/8</c>) trusted like <see cref="KnownProxies"/>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>Sign-in attempts per client address per minute (all accounts together).</summary>
    public int LoginPermitsPerMinute { get; set; } = 20;

    /// <summary>Largest request body accepted for uploads (a 50-photo zip at 40 KB each is ~2 MB).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest single photo accepted.</summary>
    public long MaxPhotoBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Wrong API keys one client address may present per <see cref="FailedApiKeyWindow"/> (counted in the
    /// database, on every node); past it the API answers 429 until the window ends.</summary>
    public int FailedApiKeyPermits { get; set; } = 20;

    public TimeSpan FailedApiKeyWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Idle lifetime of a browser session.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest life of a browser session however active: its server-side record ends then.</summary>
    public TimeSpan SessionAbsolute { get; set; } = TimeSpan.FromHours(12);
}
