using Spectre.Console;

namespace SocialCard.Cli;

/// <summary>Where the CLI writes: standard output for reports, standard error for messages, and a Spectre console for
/// tables and progress bars. Tests pass their own writers.</summary>
internal sealed class CliConsole
{
    internal CliConsole(TextWriter output, TextWriter error, bool isInteractive, Stream? outputBytes = null)
    {
        Out = output;
        OutBytes = outputBytes;
        Error = error;
        IsInteractive = isInteractive;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isInteractive ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = isInteractive ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }

    internal TextWriter Out { get; }

    /// <summary>Standard output as bytes, when there is one (the JSON report is UTF-8 already and goes there as it is,
    /// instead of through <see cref="Out"/>'s UTF-16 and back); null when the output is only a writer (tests).</summary>
    internal Stream? OutBytes { get; }

    internal TextWriter Error { get; }

    /// <summary>Standard output is a terminal (progress bars and colours make sense).</summary>
    internal bool IsInteractive { get; }

    internal IAnsiConsole Ansi { get; }

    internal static CliConsole System() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected, Console.OpenStandardOutput());

    /// <summary>Prints a usage or I/O error and returns exit code 2.</summary>
    internal int UsageError(string message)
    {
        Error.WriteLine(message);
        return ExitCodes.UsageOrIoError;
    }
}
