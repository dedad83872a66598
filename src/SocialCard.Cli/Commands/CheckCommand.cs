using System.CommandLine;
using SocialCard.Cli.Output;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary><c>check PATH... [--profile ID|FILE] [--format table|json|csv|html] [--out FILE] [--jobs N] [--models DIR]</c>.</summary>
internal static class CheckCommand
{
    internal static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("path")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "照片文件、文件夹（递归）或 zip 包 / Photo files, folders (recursive) or zip files",
        };
        var profile = new Option<string>("--profile")
        {
            Description = "照片规范 id 或 JSON 文件 / Profile id or JSON file (" + string.Join(", ", SpecProfiles.Ids) + ")",
            DefaultValueFactory = _ => SpecProfiles.Suzhou,
        };
        var format = new Option<ReportFormat>("--format")
        {
            Description = "报告格式 / Report format: table, json, csv, html",
            DefaultValueFactory = _ => ReportFormat.Table,
        };
        var output = new Option<string?>("--out") { Description = "报告写入文件 / Write the report to this file" };
        var jobs = new Option<int>("--jobs")
        {
            Description = "并行线程数 / Parallel workers",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--jobs 必须至少为 1 / --jobs must be at least 1");
            }
        });

        var models = new Option<string?>("--models") { Description = "人脸模型文件夹 / Face model folder (default: $SOCIALCARD_MODELS or models/face-api)" };
        var command = new Command("check", "预审证件照 / Pre-review ID photos") { paths, profile, format, output, jobs, models };
        command.SetAction(result => new CheckRunner(console).Run(new CheckOptions(
            result.GetValue(paths) ?? [],
            result.GetValue(profile) ?? SpecProfiles.Suzhou,
            result.GetValue(format),
            result.GetValue(output),
            result.GetValue(jobs),
            result.GetValue(models))));
        return command;
    }
}
