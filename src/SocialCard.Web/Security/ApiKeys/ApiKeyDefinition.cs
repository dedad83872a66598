namespace SocialCard.Web.Security.ApiKeys;

/// <summary>One integrator's key as configured: only the SHA-256 of the key is stored, never the key.</summary>
public sealed class ApiKeyDefinition
{
    /// <summary>Integrator name (logs, audit, rate-limit partition).</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the UTF-8 key.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Requests per minute for this key (token bucket, refilled every second).</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Units whose people, batches and cards this key may read or submit for; "*" means every unit.</summary>
    public List<string> Units { get; set; } = [];
}
