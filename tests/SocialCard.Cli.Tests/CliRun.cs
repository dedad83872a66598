namespace SocialCard.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    internal static CliRun Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CliApp.Run(args, new CliConsole(output, error, isInteractive: false));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
