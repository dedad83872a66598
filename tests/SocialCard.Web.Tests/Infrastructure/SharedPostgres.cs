using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// One throw-away PostgreSQL cluster for the whole test run, started on first use (so a run without PostgreSQL tests
/// never starts one) and stopped when the test process exits; its watchdog also stops it if the process is killed.
/// </summary>
public static class SharedPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? s_server;

    public static async Task<PostgresServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (s_server is null)
            {
                var server = new PostgresServer();
                await server.InitializeAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().GetAwaiter().GetResult();
                s_server = server;
            }

            return s_server;
        }
        finally
        {
            Gate.Release();
        }
    }
}
