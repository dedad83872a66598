using System.Text;
using Spectre.Console;
using SocialCard.Cli.Inputs;
using SocialCard.Cli.Output;
using SocialCard.Photos;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;

namespace SocialCard.Cli.Commands;

/// <summary>
/// Runs <c>fix</c>: reads the inputs, fixes each photo on <c>--jobs</c> threads (results keep input order), writes every
/// fixed photo that passed its re-check into <c>--out</c> under the profile's file name, and reports. Refused photos
/// are not written. Exit codes: 0 every photo fixed, 1 some refused, 2 usage or I/O error, 3 the engine failed on some
/// photo (every other photo is still fixed and reported).
/// </summary>
internal sealed class FixRunner
{
    private readonly CliConsole _console;

    internal FixRunner(CliConsole console) => _console = console;

    internal int Run(FixCommandOptions options)
    {
        if (PhotoSourceReader.FindMissing(options.Paths) is { } missing)
        {
            return _console.UsageError($"找不到文件或文件夹：{missing} / No such file or folder: {missing}");
        }

        if (ProfileResolver.Resolve(options.Profile, out SpecProfile? profile) is { } profileError)
        {
            return _console.UsageError(profileError);
        }

        FixNameMap? names = null;
        if (options.NameMap is not null && FixNameMap.TryLoad(options.NameMap, out names) is { } mapError)
        {
            return _console.UsageError(mapError);
        }

        if (FaceEngineLoader.TryLoad(options.Models, out CheckerFaceDetector? detector) is { } engineError)
        {
            return _console.UsageError(engineError);
        }

        try
        {
            Directory.CreateDirectory(options.OutDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return _console.UsageError($"输出文件夹无法创建：{ex.Message} / The output folder could not be created: {ex.Message}");
        }

        List<PhotoInput> inputs = [.. PhotoSourceReader.Read(options.Paths)];
        var fixer = new PhotoFixer(detector!, FaceEngineLoader.Checker(detector!));
        FixOutcome[] outcomes = FixAll(fixer, inputs, profile!, names, options.Jobs, options.Format == ReportFormat.Table);
        try
        {
            WriteOutputs(outcomes, options.OutDir);
            if (options.Format == ReportFormat.Json)
            {
                _console.Out.WriteLine(FixReportWriter.Json(profile!.Id, outcomes));
            }
            else
            {
                FixReportWriter.Table(_console.Ansi, profile!.Id, outcomes);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return _console.UsageError($"文件无法写入：{ex.Message} / A file could not be written: {ex.Message}");
        }

        return outcomes.Any(o => o.InternalError) ? ExitCodes.InternalError
            : outcomes.All(o => o.Result?.Success == true) ? ExitCodes.AllPassed
            : ExitCodes.SomeFailed;
    }

    private FixOutcome[] FixAll(PhotoFixer fixer, List<PhotoInput> inputs, SpecProfile profile, FixNameMap? names, int jobs, bool showProgress)
    {
        var outcomes = new FixOutcome[inputs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };

        void FixEach(Action? tick) => Parallel.For(0, inputs.Count, parallel, i =>
        {
            PhotoInput input = inputs[i];
            string? number = names?.NumberFor(input.FileName);
            outcomes[i] = FixOne(fixer, input, profile, number);
            tick?.Invoke();
        });

        if (showProgress && _console.IsInteractive && inputs.Count > 1)
        {
            _console.Ansi.Progress().Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("修复 / Fixing", maxValue: inputs.Count);
                FixEach(() => task.Increment(1));
            });
        }
        else
        {
            FixEach(null);
        }

        return outcomes;
    }

    // Whatever the engine throws for one photo must not lose the others: that photo gets an internal-error row.
#pragma warning disable CA1031
    private FixOutcome FixOne(PhotoFixer fixer, PhotoInput input, SpecProfile profile, string? number)
    {
        if (input.Bytes is null)
        {
            return new FixOutcome(input, number, null);
        }

        try
        {
            return new FixOutcome(input, number, fixer.Fix(input.Bytes, input.FileName, profile, number));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            lock (_console.Error)
            {
                _console.Error.WriteLine($"内部错误 / Internal error: {input.DisplayPath}: {ex.GetType().Name}: {ex.Message}");
            }

            return new FixOutcome(input, number, null, internalError: true);
        }
    }
#pragma warning restore CA1031

    /// <summary>Writes the fixed photos; a name already taken in this run gets "-2", "-3", ... (never overwrites a twin).</summary>
    private static void WriteOutputs(FixOutcome[] outcomes, string outDir)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (FixOutcome o in outcomes)
        {
            if (o.Result is not { Success: true, Jpeg: { } jpeg })
            {
                continue;
            }

            string name = o.Result.SuggestedFileName ?? Path.GetFileNameWithoutExtension(o.Input.FileName) + ".jpg";
            string stem = Path.GetFileNameWithoutExtension(name), ext = Path.GetExtension(name);
            for (int k = 2; !taken.Add(name); k++)
            {
                name = $"{stem}-{k}{ext}";
            }

            string path = Path.Combine(outDir, name);
            File.WriteAllBytes(path, jpeg);
            o.OutputPath = path;
        }
    }
}
