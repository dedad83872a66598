using System.Data;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// The web host's ASP.NET Data Protection key ring, kept in the database so cookies and antiforgery tokens issued by
/// one node are read by every other and survive restarts. Each key is an XML element, stored encrypted with the field
/// key (the key ring is a secret like the personal data).
/// </summary>
public sealed class DataProtectionKeyStore(PlatformDatabase database)
{
    public async Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT xml FROM data_protection_keys ORDER BY id";
        var keys = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(database.Protector.Decrypt((byte[])reader.GetValue(0)));
        }

        return keys;
    }

    public async Task AddAsync(string friendlyName, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var cipher = database.Protector.Encrypt(xml);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var db = database.CreateDbContext();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES ({friendlyName}, {cipher}, {now})", cancellationToken)
            .ConfigureAwait(false);
    }
}
