using System.CommandLine;
using SocialCard.Cli.Commands;

namespace SocialCard.Cli;

/// <summary>The command tree. Parse errors are usage errors (exit code 2), printed in both languages' help; an exception
/// no command handled is an internal error (exit code 3). <see cref="ExitCodes"/> has the whole contract.</summary>
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

        // No default exception handler: an exception that escapes a command is an internal error (exit code 3), never
        // a "some photos failed" 1.
#pragma warning disable CA1031
        try
        {
            return result.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            console.Error.WriteLine($"内部错误 / Internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.InternalError;
        }
#pragma warning restore CA1031
    }
}
