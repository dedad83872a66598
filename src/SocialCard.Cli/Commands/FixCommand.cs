using System.CommandLine;
using SocialCard.Cli.Output;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary><c>fix PATH... --out DIR [--profile ID|FILE] [--name-from map.csv] [--format table|json] [--jobs N] [--models DIR]</c>.</summary>
internal static class FixCommand
{
    internal static Command Create(CliConsole console)
    {
        var paths = CommonOptions.Paths();
        var output = new Option<string>("--out")
        {
            Description = "修复后的照片写入此文件夹 / Folder the fixed photos are written to",
            Required = true,
        };
        var profile = CommonOptions.Profile();
        var nameFrom = new Option<string?>("--name-from")
        {
            Description = "文件名与10位个人编号对照表（CSV：文件,编号） / CSV mapping source file names to personal numbers (file,number)",
        };
        var format = CommonOptions.Format("fix", tableOrJsonOnly: true);
        var jobs = CommonOptions.Jobs();
        var models = CommonOptions.Models();

        var command = new Command("fix", "自动修复证件照（裁剪、白底、曝光、编码）并复检 / Fix ID photos into the spec and re-check them" + "\n" + ExitCodes.Help)
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
