using SocialCard.Cli.Inputs;
using SocialCard.Cli.Output;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Packaging;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary>
/// Runs <c>pack</c>: reads the photos of one folder (recursively; zips inside it are read too), checks every photo with
/// the full rule set, packs the passing ones into <c>&lt;unit&gt;-NNN.zip</c> files of at most 50 photos as
/// <c>&lt;unit&gt;/&lt;number&gt;.jpg</c>, and writes <c>&lt;unit&gt;-failures.csv</c> next to them. Exit codes: 0 every photo
/// packed, 1 some left out, 2 usage or I/O error.
/// </summary>
internal sealed class PackRunner
{
    private readonly CliConsole _console;

    internal PackRunner(CliConsole console) => _console = console;

    internal int Run(PackCommandOptions options)
    {
        if (!Directory.Exists(options.Folder))
        {
            return _console.UsageError($"找不到文件夹：{options.Folder} / No such folder: {options.Folder}");
        }

        if (ProfileResolver.Resolve(options.Profile, out SpecProfile? profile) is { } profileError)
        {
            return _console.UsageError(profileError);
        }

        if (FaceEngineLoader.TryLoad(options.Models, out CheckerFaceDetector? detector) is { } engineError)
        {
            return _console.UsageError(engineError);
        }

        string outDir = options.OutDir ?? Path.GetFullPath(options.Folder).TrimEnd(Path.DirectorySeparatorChar) + "-packages";
        List<PhotoInput> inputs = [.. PhotoSourceReader.Read([options.Folder])];
        var builder = new UnitPackageBuilder(FaceEngineLoader.Checker(detector!), profile!);
        UnitPackage package;
        try
        {
            package = builder.Build(inputs.Select(i => new PackagePhoto(i.FileName, i.Bytes ?? [])), options.Unit, options.Jobs);
        }
        catch (ArgumentException ex)
        {
            return _console.UsageError(ex.Message);
        }

        IReadOnlyList<string> written;
        try
        {
            written = package.WriteTo(outDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return _console.UsageError($"文件无法写入：{ex.Message} / A file could not be written: {ex.Message}");
        }

        if (options.Format == ReportFormat.Json)
        {
            _console.Out.WriteLine(PackReportWriter.Json(profile!.Id, package, outDir, inputs));
        }
        else
        {
            PackReportWriter.Table(_console.Ansi, package, written);
        }

        return package.Failures.Count == 0 ? ExitCodes.AllPassed : ExitCodes.SomeFailed;
    }
}
