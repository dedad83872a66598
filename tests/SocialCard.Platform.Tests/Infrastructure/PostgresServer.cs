using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>A throw-away PostgreSQL cluster for the "Postgres" test collection: <c>initdb</c> into a fresh temp
/// directory, started on 127.0.0.1 with a free port (unix socket inside the temp directory, never the system one),
/// stopped and deleted on dispose.
/// <para>As root the server runs as the <c>postgres</c> user through <c>runuser</c> (PostgreSQL refuses to run as
/// root) and the directory lives under /tmp, which that user can reach; as a normal user the binaries run as that
/// user. Binaries: <c>SC_PG_BIN</c> if set, else the newest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (Debian's
/// postgresql package), else <c>pg_config --bindir</c>.</para>
/// <para>A watchdog shell stops the server and deletes the directory if the test process dies without disposing
/// (killed runner, crashed host), so no cluster outlives its test run.</para></summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const int StartAttempts = 3;
    private string _root = string.Empty;
    private string _dataDir = string.Empty;
    private string _binDir = string.Empty;
    private bool _asRoot;
    private Process? _watchdog;
    private int _counter;

    public int Port { get; private set; }

    /// <summary>The temp directory holding data, log and socket (exposed so a test can check clean-up).</summary>
    public string RootDirectory => _root;

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        _binDir = FindBinDir();
        _asRoot = Environment.UserName == "root"; // the effective user on Unix
        var tempBase = _asRoot ? "/tmp" : Path.GetTempPath();
        _root = Path.Combine(tempBase, "sc-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_root);
        _dataDir = Path.Combine(_root, "data");
        if (_asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _root]);
        }

        StartWatchdog();
        await RunPgAsync("initdb", ["-D", _dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);

        // The port is free when picked but another process may take it before the server binds: retry on a new one.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await RunPgAsync("pg_ctl", ["-D", _dataDir, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o",
                    $"-p {Port} -k {_root} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"]);
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Try the next port.
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_dataDir.Length > 0 && File.Exists(Path.Combine(_dataDir, "postmaster.pid")))
        {
            try
            {
                await RunPgAsync("pg_ctl", ["-D", _dataDir, "-m", "immediate", "-w", "stop"]);
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

        if (_watchdog is { HasExited: false })
        {
            _watchdog.Kill(); // the one process this fixture started for itself
        }

        _watchdog?.Dispose();
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

    /// <summary>Where the PostgreSQL server binaries are.</summary>
    public static string FindBinDir()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SC_PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return File.Exists(Path.Combine(fromEnv, "initdb"))
                ? fromEnv
                : throw new InvalidOperationException($"SC_PG_BIN={fromEnv} has no initdb.");
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Dir, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        try
        {
            var psi = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            var dir = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            if (p.ExitCode == 0 && File.Exists(Path.Combine(dir, "initdb")))
            {
                return dir;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on PATH.
        }

        throw new InvalidOperationException("PostgreSQL server binaries not found: install Debian's postgresql package (./setup.sh) or set SC_PG_BIN.");
    }

    private void StartWatchdog()
    {
        // Polls the test process; once it is gone (however it died) stops the server and removes the directory.
        var stop = _asRoot
            ? $"runuser -u postgres -- '{_binDir}/pg_ctl' -D '{_dataDir}' -m immediate -w stop"
            : $"'{_binDir}/pg_ctl' -D '{_dataDir}' -m immediate -w stop";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; " +
                     $"if [ -f '{_dataDir}/postmaster.pid' ]; then {stop} >/dev/null 2>&1; fi; rm -rf '{_root}'";
        var psi = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        try
        {
            _watchdog = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid: run without the safety net; DisposeAsync still stops and deletes the cluster.
            _watchdog = null;
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private Task RunPgAsync(string tool, IReadOnlyList<string> args) =>
        _asRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_binDir, tool), .. args])
            : RunAsync(Path.Combine(_binDir, tool), args);

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
