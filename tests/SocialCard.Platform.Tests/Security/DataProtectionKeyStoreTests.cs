using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed class DataProtectionKeyStoreTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Keys_come_back_in_order_and_are_stored_encrypted(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Keys_come_back_in_order_and_are_stored_encrypted));
        var store = new DataProtectionKeyStore(t.Database);
        Assert.Empty(await store.GetAllAsync());
        await store.AddAsync("key-1", "<key id=\"1\"><secret>abc</secret></key>");
        await store.AddAsync("key-2", "<key id=\"2\"/>");
        Assert.Equal(["<key id=\"1\"><secret>abc</secret></key>", "<key id=\"2\"/>"], await store.GetAllAsync());

        await using var db = t.NewContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT xml FROM data_protection_keys ORDER BY id";
        var raw = (byte[])(await cmd.ExecuteScalarAsync())!;
        Assert.DoesNotContain("secret", System.Text.Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
    }
}
