using System.CommandLine;
using SocialCard.Cli.Output;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary><c>fix PATH... --out DIR [--profile ID|FILE] [--name-from map.csv] [--format table|json] [--jobs N] [--models DIR]</c>.</summary>
internal static class FixCommand
{
    internal static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("path")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "照片文件、文件夹（递归）或 zip 包 / Photo files, folders (recursive) or zip files",
        };
        var output = new Option<string>("--out")
        {
            Description = "修复后的照片写入此文件夹 / Folder the fixed photos are written to",
            Required = true,
        };
        var profile = new Option<string>("--profile")
        {
            Description = "照片规范 id 或 JSON 文件 / Profile id or JSON file (" + string.Join(", ", SpecProfiles.Ids) + ")",
            DefaultValueFactory = _ => SpecProfiles.Suzhou,
        };
        var nameFrom = new Option<string?>("--name-from")
        {
            Description = "文件名与10位个人编号对照表（CSV：文件,编号） / CSV mapping source file names to personal numbers (file,number)",
        };
        var format = new Option<ReportFormat>("--format")
        {
            Description = "报告格式 / Report format: table, json",
            DefaultValueFactory = _ => ReportFormat.Table,
        };
        format.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<ReportFormat>() is not (ReportFormat.Table or ReportFormat.Json))
            {
                result.AddError("fix 只支持 table 或 json 格式 / fix supports --format table or json");
            }
        });
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

        var command = new Command("fix", "自动修复证件照（裁剪、白底、曝光、编码）并复检 / Fix ID photos into the spec and re-check them")
        {
            paths, output, profile, nameFrom, format, jobs, models,
        };
        command.SetAction(result => new FixRunner(console).Run(new FixCommandOptions(
            result.GetValue(paths) ?? [],
            result.GetValue(output)!,
            result.GetValue(profile) ?? SpecProfiles.Suzhou,
            result.GetValue(nameFrom),
            result.GetValue(format),
            result.GetValue(jobs),
            result.GetValue(models))));
        return command;
    }
}
