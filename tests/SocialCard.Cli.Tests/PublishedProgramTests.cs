using System.Diagnostics;
using Xunit;

namespace SocialCard.Cli.Tests;

/// <summary>
/// The program as users run it: <c>artifacts/cli/socialcard</c>, published by <c>scripts/setup.d/90-cli.sh</c> (Native
/// AOT where a C toolchain is installed, else ReadyToRun), started as a separate process. Its report must be the one
/// the command line's code gives in-process, byte for byte.
/// </summary>
public sealed class PublishedProgramTests
{
    [Fact]
    public async Task The_published_program_reports_what_the_command_line_reports_in_process()
    {
        string repo = FixCommandTests.RepoRoot();
        string program = Path.Combine(repo, "artifacts", "cli", "socialcard");
        Assert.True(File.Exists(program), $"{program} is missing: run ./setup.sh (scripts/setup.d/90-cli.sh publishes it).");

        string folder = Directory.CreateTempSubdirectory("socialcard-published-").FullName;
        try
        {
            // A compliant photo, photos that fail for their own reasons, and a file that is not an image.
            foreach (string file in Directory.GetFiles(DevsetPaths.Images, "*.jpg").Order(StringComparer.Ordinal).Take(5))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(folder, "0000000001.jpg"), "not a photo");
            string[] args = ["check", folder, "--profile", "suzhou-sscard", "--format", "json", "--jobs", "2"];

            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = repo,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            string errors = await error;

            CliRun inProcess = CliRun.Invoke(args);
            Assert.True(process.ExitCode == inProcess.ExitCode, $"exit {process.ExitCode} against {inProcess.ExitCode} in-process; stderr: {errors}");
            Assert.Contains("0000000001.jpg", output, StringComparison.Ordinal);
            Assert.Equal(inProcess.Out, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
