using System.Security.Cryptography;
using System.Text;

namespace SocialCard.Web.Security.ApiKeys;

/// <summary>The one way keys are hashed for storage and lookup.</summary>
public static class ApiKeyHash
{
    public static string Compute(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash);
    }
}
