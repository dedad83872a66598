using System.CommandLine;
using SocialCard.Cli.Output;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary><c>pack DIR --unit CODE [--out DIR] [--profile ID|FILE] [--format table|json] [--jobs N] [--models DIR]</c>.</summary>
internal static class PackCommand
{
    internal static Command Create(CliConsole console)
    {
        var folder = new Argument<string>("dir") { Description = "待打包的照片文件夹（文件名为10位个人编号） / Folder of photos named by 10-digit personal number" };
        var unit = new Option<string>("--unit") { Description = "单位代码（zip 内的文件夹名） / Unit code (the folder inside each zip)", Required = true };
        var output = new Option<string?>("--out") { Description = "zip 与失败清单写入此文件夹（默认 DIR-packages） / Folder for the zips and the failure report (default: DIR-packages)" };
        var profile = CommonOptions.Profile();
        var format = CommonOptions.Format("pack", tableOrJsonOnly: true);
        var jobs = CommonOptions.Jobs();
        var models = CommonOptions.Models();

        var command = new Command("pack", "按单位打包上传（每包不超过50张，先逐张预审） / Build a unit's upload zips (<= 50 photos each, every photo checked first)" + "\n" + ExitCodes.Help)
        {
            folder, unit, output, profile, format, jobs, models,
        };
        command.SetAction(result => new PackRunner(console).Run(new PackCommandOptions(
            result.GetValue(folder)!,
            result.GetValue(unit)!,
            result.GetValue(output),
            result.GetValue(profile) ?? SpecProfiles.Suzhou,
            result.GetValue(format),
            result.GetValue(jobs),
            result.GetValue(models))));
        return command;
    }
}
