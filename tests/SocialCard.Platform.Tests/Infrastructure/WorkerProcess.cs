using System.Diagnostics;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>Starts tests/SocialCard.Platform.CrashWorker as a separate process (dotnet exec of the dll copied next to
/// the tests).</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static WorkerProcess Start(TestDatabase db, string handler, string id, int leaseMs, int delayMs)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SocialCard.Platform.CrashWorker.dll");
        Assert.True(File.Exists(dll), $"worker not built: {dll}");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            "exec", dll, "worker",
            "--provider", db.Provider.ToString(),
            "--conn", db.Database.ConnectionString,
            "--key", TestDatabase.TestKey,
            "--data", db.Database.Storage.DataDirectory,
            "--handler", handler,
            "--id", id,
            "--lease-ms", leaseMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--delay-ms", delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return new WorkerProcess(Process.Start(psi) ?? throw new InvalidOperationException("could not start the worker"));
    }

    /// <summary>SIGKILL on Linux: no finally blocks, no graceful shutdown.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"worker did not finish in {timeout}: {Output}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
