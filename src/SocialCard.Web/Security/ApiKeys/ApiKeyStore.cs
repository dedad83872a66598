using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SocialCard.Web.Security.ApiKeys;

/// <summary>
/// Known keys by hash: the configured ones plus any registered at run time (the demo key). Lookups are by the
/// SHA-256 of the presented key, so comparing never touches the secret itself.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly ConcurrentDictionary<string, ApiKeyDefinition> _byHash = new(StringComparer.Ordinal);

    public ApiKeyStore(IOptions<ApiKeyOptions> options)
    {
        foreach (ApiKeyDefinition key in options.Value.Keys)
        {
            if (!string.IsNullOrWhiteSpace(key.Sha256) && !string.IsNullOrWhiteSpace(key.Name))
            {
                _byHash[key.Sha256.Trim().ToLowerInvariant()] = key;
            }
        }
    }

    public int Count => _byHash.Count;

    /// <summary>Registers a key given in clear (demo or test set-up); only its hash is kept.</summary>
    public void Register(string name, string key, int permitsPerMinute, IEnumerable<string> units) =>
        _byHash[ApiKeyHash.Compute(key)] = new ApiKeyDefinition
        {
            Name = name,
            Sha256 = ApiKeyHash.Compute(key),
            PermitsPerMinute = permitsPerMinute,
            Units = [.. units],
        };

    public ApiKeyDefinition? Find(string presentedKey) =>
        string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 256
            ? null
            : _byHash.GetValueOrDefault(ApiKeyHash.Compute(presentedKey));

    public ApiKeyDefinition? FindByName(string name) =>
        _byHash.Values.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));
}
