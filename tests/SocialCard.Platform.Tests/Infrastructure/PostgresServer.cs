using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>A throw-away PostgreSQL 15 cluster: initdb into a temp dir owned by the postgres user (the server refuses
/// to run as root), started on 127.0.0.1 with a free port and its unix socket in the temp dir, stopped and deleted on
/// dispose. Shared by the "Postgres" test collection.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private string _root = string.Empty;
    private string _dataDir = string.Empty;
    private int _counter;

    public int Port { get; private set; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(BinDir, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 binaries not found in {BinDir} (apt-get install postgresql).");
        }

        _root = Path.Combine(Path.GetTempPath(), "sc-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_root);
        _dataDir = Path.Combine(_root, "data");
        await RunAsync("chown", ["postgres:postgres", _root]);
        Port = FreePort();
        await RunAsPostgresAsync("initdb", ["-D", _dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
        await RunAsPostgresAsync("pg_ctl", ["-D", _dataDir, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {_root} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start"]);
    }

    public async Task DisposeAsync()
    {
        if (_dataDir.Length > 0 && Directory.Exists(_dataDir))
        {
            try
            {
                await RunAsPostgresAsync("pg_ctl", ["-D", _dataDir, "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already down; deleting the directory below is all that is left.
            }
        }

        if (_root.Length > 0 && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string hint)
    {
        var name = $"t{Interlocked.Increment(ref _counter)}_{new string(hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray())}";
        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Maximum Pool Size=40";
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string tool, IReadOnlyList<string> args) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDir, tool), .. args]);

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
