using System.Runtime.CompilerServices;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>
/// Points the user's configuration folder (where the product keeps a data directory's default field key) at a folder
/// of this test run before any test starts, so tests never leave keys in the real home folder; the site and worker
/// processes the tests start inherit it.
/// </summary>
internal static class TestConfigHome
{
#pragma warning disable CA2255 // a test assembly is the one place where a module initializer is meant to run first
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Use()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"socialcard-test-config-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a child process still holds a file: the temp folder is cleaned by the system
            }
        };
    }
}
