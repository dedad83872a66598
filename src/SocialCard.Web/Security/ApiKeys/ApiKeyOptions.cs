namespace SocialCard.Web.Security.ApiKeys;

/// <summary>Section "ApiKeys": integrator keys (hashed) and the header that carries them.</summary>
public sealed class ApiKeyOptions
{
    public const string HeaderName = "X-Api-Key";

    public List<ApiKeyDefinition> Keys { get; set; } = [];
}
