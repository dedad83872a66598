using System.CommandLine;
using SocialCard.Cli.Output;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary>The options <c>check</c>, <c>fix</c> and <c>pack</c> share, defined once (same names, defaults, checks and texts).</summary>
internal static class CommonOptions
{
    /// <summary><c>path...</c>: photo files, folders (recursive) or zip files.</summary>
    internal static Argument<string[]> Paths() => new("path")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "照片文件、文件夹（递归）或 zip 包 / Photo files, folders (recursive) or zip files",
    };

    /// <summary><c>--profile ID|FILE</c>, default suzhou-sscard.</summary>
    internal static Option<string> Profile() => new("--profile")
    {
        Description = "照片规范 id 或 JSON 文件 / Profile id or JSON file (" + string.Join(", ", SpecProfiles.Ids) + ")",
        DefaultValueFactory = _ => SpecProfiles.Suzhou,
    };

    /// <summary><c>--format</c>, default table; with <paramref name="tableOrJsonOnly"/> the other formats are a usage error naming <paramref name="command"/>.</summary>
    internal static Option<ReportFormat> Format(string command, bool tableOrJsonOnly)
    {
        var format = new Option<ReportFormat>("--format")
        {
            Description = tableOrJsonOnly ? "报告格式 / Report format: table, json" : "报告格式 / Report format: table, json, csv, html",
            DefaultValueFactory = _ => ReportFormat.Table,
        };
        if (tableOrJsonOnly)
        {
            format.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<ReportFormat>() is not (ReportFormat.Table or ReportFormat.Json))
                {
                    result.AddError($"{command} 只支持 table 或 json 格式 / {command} supports --format table or json");
                }
            });
        }

        return format;
    }

    /// <summary><c>--jobs N</c> (at least 1), default one per core.</summary>
    internal static Option<int> Jobs()
    {
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
        return jobs;
    }

    /// <summary><c>--models DIR</c>: the face model folder.</summary>
    internal static Option<string?> Models() =>
        new("--models") { Description = "人脸模型文件夹 / Face model folder (default: $SOCIALCARD_MODELS or models/face-api)" };
}
