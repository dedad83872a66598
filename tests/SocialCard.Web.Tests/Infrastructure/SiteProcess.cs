using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// The web site started as a separate process the way <c>./run.sh</c> starts it: <c>dotnet run --project
/// src/SocialCard.Web -c Release --no-build --no-launch-profile -- --Storage:DataDirectory DIR</c> from the repository
/// root, on the built output, with <c>ASPNETCORE_ENVIRONMENT=Development</c> unless told otherwise. Only the data
/// folder (a fresh temp folder) and the URL (a free loopback port) differ, plus whatever <see cref="Arguments"/> adds.
/// <para><see cref="StartAsync"/> waits until the site answers (or the process exits); <see cref="DisposeAsync"/> kills
/// the process group and deletes the data folder. A watchdog shell does the same if the test process dies first, so
/// no site outlives its test run.</para>
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(4);

    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();
    private Process? _process;
    private Process? _watchdog;

    public SiteProcess()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "sc-site-" + Guid.NewGuid().ToString("n")[..10]);
        Directory.CreateDirectory(DataDirectory);
    }

    /// <summary>The repository root (holds SocialCard.sln, run.sh and models/).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The site's <c>--Storage:DataDirectory</c>: a fresh temp folder, deleted on dispose.</summary>
    public string DataDirectory { get; }

    /// <summary>The site's <c>--Storage:KeyFile</c>: beside the data folder (never inside it), deleted on dispose.</summary>
    public string KeyFile => DataDirectory + ".key";

    /// <summary>Extra command-line settings after run.sh's own, e.g. <c>--Demo:Seed false</c>.</summary>
    public IList<string> Arguments { get; } = [];

    /// <summary>Environment of the site process (ASPNETCORE_ENVIRONMENT defaults to Development, as in run.sh).</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
    };

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>What the site wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the site and returns once GET / answers 200; throws with the site's output if it exits first.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The site process is already started.");
        }

        int port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

        // setsid: the site (dotnet run and the app it starts) gets its own process group, killed as one.
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = RepositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (string argument in (string[])["dotnet", "run", "--project", "src/SocialCard.Web", "-c", "Release", "--no-build", "--no-launch-profile", "--",
                     "--Storage:DataDirectory", DataDirectory, "--Urls", BaseAddress.GetLeftPart(UriPartial.Authority)])
        {
            start.ArgumentList.Add(argument);
        }

        // The field key outside the data folder, as the product requires, and not in the user's configuration folder.
        start.ArgumentList.Add("--Storage:KeyFile");
        start.ArgumentList.Add(KeyFile);
        foreach (string argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in Environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet run did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        StartWatchdog(_process.Id);

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {_process.ExitCode} before answering:\n{Output}");
            }

            try
            {
                using HttpResponseMessage response = await probe.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy machine: ask again.
            }

            if (deadline.Elapsed > StartDeadline)
            {
                throw new TimeoutException($"The site did not answer on {BaseAddress} within {StartDeadline}:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>
    /// The web application's own process (not <c>dotnet run</c> in front of it): the member of the site's process group
    /// whose command line runs SocialCard.Web. For reading its memory from outside.
    /// </summary>
    public Process AppProcess()
    {
        int group = _process?.Id ?? throw new InvalidOperationException("The site process is not started.");
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == group)
            {
                continue;
            }

            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                string commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (fields[2] == group.ToString(CultureInfo.InvariantCulture)
                    && commandLine.Contains("SocialCard.Web", StringComparison.Ordinal) && !commandLine.Contains(" run ", StringComparison.Ordinal))
                {
                    return Process.GetProcessById(pid);
                }
            }
            catch (IOException)
            {
                // gone meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // not ours
            }
        }

        throw new InvalidOperationException("No SocialCard.Web process in group " + group.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A client for the site that keeps cookies and does not follow redirects (as the wizard tests expect).</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        if (_watchdog is { HasExited: false })
        {
            _watchdog.Kill(); // the one process this fixture started for itself
        }

        _watchdog?.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        File.Delete(KeyFile);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.AppendLine(line);
        }
    }

    private void StartWatchdog(int sitePid)
    {
        // Polls the test process; once it is gone (however it died) kills the site's process group and its data.
        string script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {System.Environment.ProcessId} 2>/dev/null && kill -0 {sitePid} 2>/dev/null; do sleep 2; done; " +
                        $"kill -0 {System.Environment.ProcessId} 2>/dev/null || {{ kill -KILL -- -{sitePid}; rm -rf '{DataDirectory}'; }}";
        var psi = new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false };
        try
        {
            _watchdog = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            _watchdog = null; // no setsid: DisposeAsync still stops the site
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        for (DirectoryInfo? dir = new FileInfo(path).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialCard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SocialCard.sln not found above " + path);
    }
}
