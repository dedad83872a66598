using System.Text;
using Spectre.Console;
using SocialCard.Cli.Inputs;
using SocialCard.Cli.Output;
using SocialCard.Photos;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary>
/// Runs <c>check</c>: reads the inputs, pre-reviews each photo on <c>--jobs</c> threads (results keep input order) and
/// writes the report; JSON is written photo by photo as the results arrive. Exit codes (<see cref="ExitCodes"/>): 0 all
/// pass, 1 some warn/fail/error, 2 usage or I/O error, 3 the engine failed on some photo (its row says so, every other
/// photo is reported).
/// </summary>
internal sealed class CheckRunner
{
    private readonly CliConsole _console;
    private readonly Func<CheckerFaceDetector, PhotoChecker> _checkerFor;

    internal CheckRunner(CliConsole console, Func<CheckerFaceDetector, PhotoChecker>? checkerFor = null)
    {
        _console = console;
        _checkerFor = checkerFor ?? FaceEngineLoader.Checker;
    }

    internal int Run(CheckOptions options)
    {
        if (PhotoSourceReader.FindMissing(options.Paths) is { } missing)
        {
            return _console.UsageError($"找不到文件或文件夹：{missing} / No such file or folder: {missing}");
        }

        if (ProfileResolver.Resolve(options.Profile, out SpecProfile? profile) is { } profileError)
        {
            return _console.UsageError(profileError);
        }

        if (FaceEngineLoader.TryLoad(options.Models, out CheckerFaceDetector? detector) is { } engineError)
        {
            return _console.UsageError(engineError);
        }

        List<PhotoInput> inputs = [.. PhotoSourceReader.Read(options.Paths)];
        var pipeline = new PhotoCheckPipeline(_checkerFor(detector!), inputs, profile!, ReportInternalError);
        bool allPassed;
        try
        {
            allPassed = WriteReport(options, profile!, inputs, pipeline);
        }
        catch (IOException ex)
        {
            return _console.UsageError($"报告无法写入：{ex.Message} / The report could not be written: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return _console.UsageError($"没有写入权限：{ex.Message} / Access denied writing the report: {ex.Message}");
        }

        return pipeline.InternalErrors > 0 ? ExitCodes.InternalError
            : allPassed ? ExitCodes.AllPassed
            : ExitCodes.SomeFailed;
    }

    private void ReportInternalError(PhotoInput input, Exception ex)
    {
        lock (_console.Error)
        {
            _console.Error.WriteLine($"内部错误 / Internal error: {input.DisplayPath}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <returns>Whether every photo passed.</returns>
    private bool WriteReport(CheckOptions options, SpecProfile profile, List<PhotoInput> inputs, PhotoCheckPipeline pipeline)
    {
        if (options.Format == ReportFormat.Table && options.OutFile is null)
        {
            PhotoReport[] shown = Collect(pipeline, inputs.Count, options.Jobs, showProgress: true);
            TableReportWriter.Write(_console.Ansi, profile.Id, shown);
            return shown.All(r => r.Verdict == PhotoVerdict.Pass);
        }

        using StreamWriter? file = options.OutFile is null
            ? null
            : new StreamWriter(options.OutFile, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: options.Format == ReportFormat.Csv));
        TextWriter writer = file ?? _console.Out;
        bool allPassed = true;
        if (options.Format == ReportFormat.Json)
        {
            // UTF-8 straight to the file's or standard output's bytes when there are any (a JSON file has no byte order mark).
            Stream? bytes = file?.BaseStream ?? _console.OutBytes;
            writer.Flush();
            using StreamingJsonReportWriter json = bytes is null ? new(writer, profile.Id) : new(bytes, profile.Id);
            foreach (PhotoReport report in pipeline.Run(options.Jobs))
            {
                json.Write(report);
                allPassed &= report.Verdict == PhotoVerdict.Pass;
            }

            json.Complete();
        }
        else
        {
            PhotoReport[] reports = Collect(pipeline, inputs.Count, options.Jobs, showProgress: false);
            allPassed = reports.All(r => r.Verdict == PhotoVerdict.Pass);
            switch (options.Format)
            {
                case ReportFormat.Csv:
                    CsvReportWriter.Write(writer, reports);
                    break;
                case ReportFormat.Html:
                    HtmlReportWriter.Write(writer, profile.Id, [.. reports.Select((r, i) => (r, inputs[i].Bytes))]);
                    break;
                default:
                    TableReportWriter.Write(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No }), profile.Id, reports);
                    break;
            }
        }

        writer.Flush();
        if (options.OutFile is not null)
        {
            _console.Error.WriteLine($"报告已写入 / Report written: {options.OutFile}");
        }

        return allPassed;
    }

    private PhotoReport[] Collect(PhotoCheckPipeline pipeline, int count, int jobs, bool showProgress)
    {
        var reports = new List<PhotoReport>(count);
        if (showProgress && _console.IsInteractive && count > 1)
        {
            _console.Ansi.Progress().Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("预审 / Checking", maxValue: count);
                foreach (PhotoReport report in pipeline.Run(jobs))
                {
                    reports.Add(report);
                    task.Increment(1);
                }
            });
        }
        else
        {
            reports.AddRange(pipeline.Run(jobs));
        }

        return [.. reports];
    }
}
