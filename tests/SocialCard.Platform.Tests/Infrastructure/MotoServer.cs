using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.S3;
using SocialCard.Platform.Files;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>
/// A local S3-compatible server for the S3 file-store tests: moto in server mode (<c>scripts/setup.d/50-moto.sh</c>
/// installs it into <c>.venv/moto</c>), started on a free loopback port, in memory, killed on dispose. A watchdog
/// shell kills it if the test process dies first.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(2);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private Process? _watchdog;

    public string ServiceUrl { get; private set; } = string.Empty;

    public S3FileStoreOptions Options(string bucket, string? keyPrefix = null) => new()
    {
        ServiceUrl = ServiceUrl,
        Region = "us-east-1",
        Bucket = bucket,
        KeyPrefix = keyPrefix,
        AccessKey = "test",
        SecretKey = "test",
    };

    public async Task InitializeAsync()
    {
        string python = FindPython();
        int port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("setsid", [python, "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        string script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 {_process.Id} 2>/dev/null; do sleep 2; done; " +
                        $"kill -0 {Environment.ProcessId} 2>/dev/null || kill -KILL -- -{_process.Id}";
        _watchdog = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false });

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                using HttpResponseMessage response = await probe.GetAsync(ServiceUrl + "/moto-api/");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > StartDeadline)
            {
                throw new TimeoutException($"moto did not answer on {ServiceUrl}: {Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Creates a bucket and returns a client for the server.</summary>
    public async Task<AmazonS3Client> BucketAsync(string bucket)
    {
        AmazonS3Client client = S3FileStore.CreateClient(Options(bucket));
        await client.PutBucketAsync(bucket);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_watchdog is { HasExited: false })
        {
            _watchdog.Kill();
        }

        _watchdog?.Dispose();
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>The repository's .venv/moto python (setup step), else python3 from PATH.</summary>
    private static string FindPython([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        for (DirectoryInfo? dir = new FileInfo(path).Directory; dir is not null; dir = dir.Parent)
        {
            string venv = Path.Combine(dir.FullName, ".venv", "moto", "bin", "python");
            if (File.Exists(venv))
            {
                return venv;
            }
        }

        return "python3";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
