using System.CommandLine;
using SocialCard.Cli.Commands;

namespace SocialCard.Cli;

/// <summary>The command tree. Parse errors are usage errors (exit code 2), printed in both languages' help.</summary>
internal static class CliApp
{
    internal static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("SocialCard 社保卡照片预审 / social security card photo pre-review")
        {
            CheckCommand.Create(console),
            FixCommand.Create(console),
            PackCommand.Create(console),
        };

        ParseResult result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                console.Error.WriteLine(error.Message);
            }

            console.Error.WriteLine("用法见 --help / See --help for usage.");
            return ExitCodes.UsageOrIoError;
        }

        return result.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
