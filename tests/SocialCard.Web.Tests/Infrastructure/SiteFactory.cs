using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCard.Web.Features.Account;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// The real host on a private data folder. <see cref="Settings"/> override configuration before start; set
/// <see cref="OnKestrel"/> to listen on a real loopback port (for the browser).
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDir;

    public SiteFactory()
        : this(null)
    {
    }

    /// <summary>A site on <paramref name="dataDirectory"/> (another site's, to restart it), or on a new private folder.</summary>
    protected SiteFactory(string? dataDirectory) =>
        _dataDir = dataDirectory ?? Path.Combine(Path.GetTempPath(), "sc-web-tests", Guid.NewGuid().ToString("n"));

    /// <summary>Leave the data folder on dispose (a later site restarts on it).</summary>
    public bool KeepDataDirectory { get; set; }

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Demo:Seed"] = "false",
        ["Site:RunWorkers"] = "false",
        ["Urls"] = "",

        // The test sites give the development photos to many made-up people, so the same faces recur across people on
        // purpose; the same-face comparison has its own tests (SocialCard.Platform.Tests/Engine/SameFaceTests).
        ["PhotoCheck:CompareFaces"] = "false",
    };

    public string DataDirectory => _dataDir;

    /// <summary>Host environment; "Testing" unless a test checks what another environment does.</summary>
    public string Environment { get; init; } = "Testing";

    public List<Action<IServiceCollection>> ServiceOverrides { get; } = [];

    /// <summary>Replace the Platform's accounts with <see cref="TestAccounts"/> (host-level tests without data).</summary>
    public bool UseTestAccounts { get; init; } = true;

    /// <summary>Base address of the running server (Kestrel) or of the in-memory test server.</summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost/");

    public void StartOnKestrel()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        string address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>A client that does not follow redirects and keeps cookies (like a browser tab).</summary>
    public HttpClient CreateBrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = BaseAddress,
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDir);
        builder.UseEnvironment(Environment);

        // UseSetting, not ConfigureAppConfiguration: with the minimal host, Program reads builder.Configuration
        // (Storage, Security, ...) while building the service collection, before configuration callbacks of the
        // factory are applied. Settings given that way were missed, and every test site shared the default
        // data folder (src/SocialCard.Web/data) and thus one database.
        builder.UseSetting("Storage:DataDirectory", _dataDir);
        builder.UseSetting("Storage:KeyFile", _dataDir + ".key"); // outside the data folder, as the product requires
        foreach ((string key, string? value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (UseTestAccounts)
            {
                services.RemoveAll<IAccountDirectory>();
                services.AddSingleton<IAccountDirectory, TestAccounts>();
            }

            foreach (Action<IServiceCollection> configure in ServiceOverrides)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDataDirectory)
        {
            try
            {
                File.Delete(_dataDir + ".key");
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a file still held open by a background thread stays in /tmp
            }
        }
    }
}
