using System.CommandLine;
using SocialCard.Cli.Output;
using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary><c>check PATH... [--profile ID|FILE] [--format table|json|csv|html] [--out FILE] [--jobs N] [--models DIR]</c>.</summary>
internal static class CheckCommand
{
    internal static Command Create(CliConsole console)
    {
        var paths = CommonOptions.Paths();
        var profile = CommonOptions.Profile();
        var format = CommonOptions.Format("check", tableOrJsonOnly: false);
        var output = new Option<string?>("--out") { Description = "报告写入文件 / Write the report to this file" };
        var jobs = CommonOptions.Jobs();
        var models = CommonOptions.Models();
        var command = new Command("check", "预审证件照 / Pre-review ID photos" + "\n" + ExitCodes.Help) { paths, profile, format, output, jobs, models };
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
