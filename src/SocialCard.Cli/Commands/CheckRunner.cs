using System.Text;
using Spectre.Console;
using SocialCard.Cli.Inputs;
using SocialCard.Cli.Output;
using SocialCard.Photos;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary>
/// Runs <c>check</c>: reads the inputs, pre-reviews each photo on <c>--jobs</c> threads (results keep input order),
/// and writes the report. Exit codes: 0 all pass, 1 some warn/fail/error, 2 usage or I/O error.
/// </summary>
internal sealed class CheckRunner
{
    private readonly CliConsole _console;

    internal CheckRunner(CliConsole console) => _console = console;

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
        PhotoChecker checker = FaceEngineLoader.Checker(detector!);
        PhotoReport[] reports = Check(checker, inputs, profile!, options.Jobs, options.Format == ReportFormat.Table);

        try
        {
            WriteReport(options, profile!, inputs, reports);
        }
        catch (IOException ex)
        {
            return _console.UsageError($"报告无法写入：{ex.Message} / The report could not be written: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return _console.UsageError($"没有写入权限：{ex.Message} / Access denied writing the report: {ex.Message}");
        }

        return reports.All(r => r.Verdict == PhotoVerdict.Pass) ? 0 : 1;
    }

    private PhotoReport[] Check(PhotoChecker checker, List<PhotoInput> inputs, SpecProfile profile, int jobs, bool showProgress)
    {
        var reports = new PhotoReport[inputs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };

        void CheckAll(Action? tick) => Parallel.For(0, inputs.Count, parallel, i =>
        {
            PhotoInput input = inputs[i];
            reports[i] = input.Bytes is null
                ? UnreadableReport.Create(input.DisplayPath, input.ReadError ?? "文件无法读取 / File unreadable")
                : checker.Check(input.Bytes, input.FileName, profile) with { File = input.DisplayPath };
            tick?.Invoke();
        });

        if (showProgress && _console.IsInteractive && inputs.Count > 1)
        {
            _console.Ansi.Progress().Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("预审 / Checking", maxValue: inputs.Count);
                CheckAll(() => task.Increment(1));
            });
        }
        else
        {
            CheckAll(null);
        }

        return reports;
    }

    private void WriteReport(CheckOptions options, SpecProfile profile, List<PhotoInput> inputs, PhotoReport[] reports)
    {
        if (options.Format == ReportFormat.Table && options.OutFile is null)
        {
            TableReportWriter.Write(_console.Ansi, profile.Id, reports);
            return;
        }

        using TextWriter writer = options.OutFile is null
            ? TextWriter.Synchronized(_console.Out)
            : new StreamWriter(options.OutFile, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: options.Format == ReportFormat.Csv));
        switch (options.Format)
        {
            case ReportFormat.Json:
                writer.WriteLine(PhotoReportJson.Serialize(profile.Id, reports));
                break;
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

        writer.Flush();
        if (options.OutFile is not null)
        {
            _console.Error.WriteLine($"报告已写入 / Report written: {options.OutFile}");
        }
    }
}
