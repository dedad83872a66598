using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Tests.Infrastructure;
using SocialCard.Web.Security.ApiKeys;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Scenarios;

/// <summary>
/// The demo-seeded host on SQLite or PostgreSQL with a prepared state shared by the scenario test classes: unit A has
/// uploaded a six-photo package (3 compliant, 3 with defects) that has been reviewed; three integrator keys exist (one
/// per unit, one with a tiny rate limit). Tests that change state register their own people first.
/// </summary>
public abstract class ScenarioSite : DemoSite, IAsyncLifetime
{
    public const string KeyA = "key-for-unit-a-0123456789";
    public const string KeyB = "key-for-unit-b-0123456789";
    public const string SlowKey = "key-with-a-tiny-limit-0123";

    private string? _pgConnection;

    protected ScenarioSite(DatabaseKind kind)
    {
        Kind = kind;
        Settings["Security:LoginPermitsPerMinute"] = "1000";

        // The sign-in delays count on a clock the tests move, so a delay is still running when the next attempt of a
        // slow, busy machine arrives; everything else keeps the real time.
        ServiceOverrides.Add(services =>
        {
            services.RemoveAll<SignInThrottle>();
            services.AddSingleton(provider => new SignInThrottle(
                provider.GetRequiredService<PlatformDatabase>(), SignInClock, provider.GetRequiredService<SignInThrottlePolicy>()));
        });
    }

    /// <summary>The clock of the sign-in delays (see the constructor).</summary>
    public SteppedClock SignInClock { get; } = new();

    public DatabaseKind Kind { get; }

    public string UnitA { get; private set; } = "";

    public long UnitAId { get; private set; }

    public string UnitB { get; private set; } = "";

    public long UnitBId { get; private set; }

    /// <summary>Unit A's reviewed batch and, per personal number, the devset label of its photo.</summary>
    public long BatchOfA { get; private set; }

    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();

    /// <summary>Ids of the photos in <see cref="BatchOfA"/>, by personal number.</summary>
    public IReadOnlyDictionary<string, long> PhotoIds { get; private set; } = new Dictionary<string, long>();

    public async Task InitializeAsync()
    {
        if (Kind == DatabaseKind.PostgreSql)
        {
            PostgresServer server = await SharedPostgres.GetAsync();
            _pgConnection = await server.CreateDatabaseAsync("web-" + GetType().Name);
            Settings["Storage:Provider"] = "PostgreSql";
            Settings["Storage:ConnectionString"] = _pgConnection;
            Settings["Site:DemoOnPostgreSql"] = "true";
        }

        _ = Server; // start: migrate and seed
        IReadOnlyList<(string Code, long Id)> units = await UnitsAsync();
        (UnitA, UnitAId) = units[0];
        (UnitB, UnitBId) = units[1];
        ApiKeyStore keys = Services.GetRequiredService<ApiKeyStore>();
        keys.Register("integrator-a", KeyA, 6000, [UnitA]);
        keys.Register("integrator-b", KeyB, 6000, [UnitB]);
        keys.Register("integrator-slow", SlowKey, 3, [UnitA]);

        IReadOnlyList<string> numbers = await PeopleOfAsync(UnitAId, 6);
        string[] files = [.. DevsetPhotos.WithLabel("compliant", 3), .. DevsetPhotos.WithLabel("background.color", 2), .. DevsetPhotos.WithLabel("exposure.under", 1)];
        (byte[] zip, IReadOnlyDictionary<string, string> labels) = BuildPackage(UnitA, numbers, files);
        Labels = labels;
        using HttpClient client = CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(client, UnitA, Password);
        BatchOfA = await PortalClient.UploadAndGetBatchAsync(client, zip);
        await PortalClient.WaitForReviewAsync(client, BatchOfA);
        PhotoIds = await PhotoIdsAsync(BatchOfA);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_pgConnection is not null)
        {
            await (await SharedPostgres.GetAsync()).DropDatabaseAsync(_pgConnection);
        }
    }

    private readonly Dictionary<Role, HttpClient> _clients = [];

    /// <summary>A signed-in client per role, made once per site (sign-in hashes on purpose slowly).</summary>
    public async Task<HttpClient> ClientAsync(Role role)
    {
        if (_clients.TryGetValue(role, out HttpClient? cached))
        {
            return cached;
        }

        HttpClient client = role switch
        {
            Role.Anonymous => CreateBrowserLikeClient(),
            Role.UnitA => await UnitClientAsync(UnitA),
            Role.UnitB => await UnitClientAsync(UnitB),
            Role.Clerk => await StaffClientAsync("clerk"),
            Role.Reviewer => await StaffClientAsync("reviewer"),
            Role.Operator => await StaffClientAsync("operator"),
            Role.Auditor => await StaffClientAsync("auditor"),
            Role.Admin => await StaffClientAsync("demo-admin"),
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
        _clients[role] = client;
        return client;
    }

    public async Task<HttpClient> UnitClientAsync(string unit)
    {
        HttpClient client = CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(client, unit, Password);
        return client;
    }

    /// <summary>Demo staff: demo-admin, reviewer, operator, auditor, clerk (all with the demo password).</summary>
    public async Task<HttpClient> StaffClientAsync(string login)
    {
        HttpClient client = CreateBrowserLikeClient();
        await FormPost.SignInStaffAsync(client, login, Password);
        return client;
    }

    public HttpClient ApiClient(string? key)
    {
        HttpClient client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }
}

/// <summary>The scenario on the embedded SQLite database.</summary>
public sealed class SqliteScenario() : ScenarioSite(DatabaseKind.Sqlite);

/// <summary>The scenario on a throw-away PostgreSQL cluster.</summary>
public sealed class PostgresScenario() : ScenarioSite(DatabaseKind.PostgreSql);

[CollectionDefinition(Name)]
public sealed class SqliteScenarioCollection : ICollectionFixture<SqliteScenario>
{
    public const string Name = "scenario-sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresScenarioCollection : ICollectionFixture<PostgresScenario>
{
    public const string Name = "scenario-postgresql";
}
