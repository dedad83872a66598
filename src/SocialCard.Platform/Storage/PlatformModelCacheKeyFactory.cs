using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SocialCard.Platform.Storage;

/// <summary>The model captures the field protector in its converters, so the model cache is keyed by the key's
/// fingerprint as well as the provider.</summary>
internal sealed class PlatformModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is PlatformDbContext p
            ? (context.GetType(), p.Protector.Fingerprint, context.Database.ProviderName, designTime)
            : (object)(context.GetType(), designTime);
}
