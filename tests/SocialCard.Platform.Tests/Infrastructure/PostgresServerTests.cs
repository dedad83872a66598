using System.Net.Sockets;
using Npgsql;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>The PostgreSQL the persistence tests run on: really started by the test set-up, loopback only, in its own
/// temp directory, and gone after dispose.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task Shared_server_listens_on_loopback_with_its_data_and_socket_in_a_temp_directory()
    {
        await using var conn = new NpgsqlConnection(server.AdminConnectionString);
        await conn.OpenAsync();
        Assert.Equal("127.0.0.1", await ShowAsync(conn, "listen_addresses"));
        Assert.Equal(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await ShowAsync(conn, "port"));
        Assert.Equal(server.RootDirectory, await ShowAsync(conn, "unix_socket_directories"));
        Assert.StartsWith(server.RootDirectory, await ShowAsync(conn, "data_directory"), StringComparison.Ordinal);
        var tempBase = Environment.UserName == "root" ? "/tmp" : Path.GetTempPath().TrimEnd('/');
        Assert.Equal(tempBase, Path.GetDirectoryName(server.RootDirectory));
        Assert.StartsWith("sc-pg-", Path.GetFileName(server.RootDirectory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_is_stopped_and_its_directory_deleted_on_dispose()
    {
        var own = new PostgresServer();
        await own.InitializeAsync();
        var root = own.RootDirectory;
        var port = own.Port;
        Assert.NotEqual(server.Port, port);
        await using (var conn = new NpgsqlConnection(own.AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT 1", conn);
            Assert.Equal(1, await cmd.ExecuteScalarAsync());
        }

        await own.DisposeAsync();

        Assert.False(Directory.Exists(root), "temp directory left behind: " + root);
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    private static async Task<string> ShowAsync(NpgsqlConnection conn, string setting)
    {
        await using var cmd = new NpgsqlCommand($"SHOW {setting}", conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
