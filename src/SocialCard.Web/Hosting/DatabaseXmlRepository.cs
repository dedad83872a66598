using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Hosting;

/// <summary>
/// The Data Protection key ring in the Platform's database (<see cref="DataProtectionKeyStore"/>), so cookies and
/// antiforgery tokens issued by one node are valid on every other and after a restart. The interface is synchronous;
/// the key manager calls it rarely (start-up, key roll) and caches the ring.
/// </summary>
public sealed class DatabaseXmlRepository(DataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.GetAllAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
