using SocialCard.Cli.Inputs;
using SocialCard.Photos;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary>
/// Checks the inputs on <c>jobs</c> worker threads, which take the photos in input order, and hands the reports back in
/// input order as soon as each one and all before it are done, so a report can be written while the rest are still being
/// checked. An exception from the engine for one photo becomes that photo's error row
/// (<see cref="InternalErrorReport"/>) and is counted in <see cref="InternalErrors"/>; the other photos go on.
/// </summary>
internal sealed class PhotoCheckPipeline
{
    private readonly PhotoChecker _checker;
    private readonly IReadOnlyList<PhotoInput> _inputs;
    private readonly SpecProfile _profile;
    private readonly PhotoReport?[] _reports;
    private readonly Action<PhotoInput, Exception> _onInternalError;
    private int _next = -1;
    private int _internalErrors;

    internal PhotoCheckPipeline(PhotoChecker checker, IReadOnlyList<PhotoInput> inputs, SpecProfile profile, Action<PhotoInput, Exception> onInternalError)
    {
        _checker = checker;
        _inputs = inputs;
        _profile = profile;
        _onInternalError = onInternalError;
        _reports = new PhotoReport?[inputs.Count];
    }

    /// <summary>Photos the engine failed on (read after <see cref="Run"/> has been enumerated to the end).</summary>
    internal int InternalErrors => Volatile.Read(ref _internalErrors);

    /// <summary>Starts the workers and yields every report in input order.</summary>
    internal IEnumerable<PhotoReport> Run(int jobs)
    {
        int workers = Math.Clamp(jobs, 1, Math.Max(1, _inputs.Count));
        var threads = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            threads[w] = new Thread(Work) { IsBackground = true, Name = "check-" + w };
            threads[w].Start();
        }

        for (int i = 0; i < _reports.Length; i++)
        {
            yield return WaitFor(i);
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }
    }

    private void Work()
    {
        for (int i = Interlocked.Increment(ref _next); i < _inputs.Count; i = Interlocked.Increment(ref _next))
        {
            PhotoReport report = CheckOne(_inputs[i]);
            lock (_reports)
            {
                _reports[i] = report;
                Monitor.PulseAll(_reports);
            }
        }
    }

    private PhotoReport WaitFor(int index)
    {
        lock (_reports)
        {
            PhotoReport? report;
            while ((report = _reports[index]) is null)
            {
                Monitor.Wait(_reports);
            }

            _reports[index] = null;
            return report;
        }
    }

    // The one place the CLI catches everything: whatever the engine throws for one photo must not lose the others.
#pragma warning disable CA1031
    private PhotoReport CheckOne(PhotoInput input)
    {
        if (input.Bytes is null)
        {
            return UnreadableReport.Create(input.DisplayPath, input.ReadError ?? "文件无法读取 / File unreadable");
        }

        try
        {
            return _checker.Check(input.Bytes, input.FileName, _profile) with { File = input.DisplayPath };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _internalErrors);
            _onInternalError(input, ex);
            return InternalErrorReport.Create(input.DisplayPath);
        }
    }
#pragma warning restore CA1031
}
