using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCard.Platform;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Web.Security.ApiKeys;

namespace SocialCard.Web.Hosting;

/// <summary>
/// Runs before the workers and before the first request: migrates the schema (unless
/// <c>Storage:MigrateOnStartup</c> is false) and, on the embedded SQLite default with <c>Demo:Seed</c> (on PostgreSQL only with <c>Site:DemoOnPostgreSql</c>), seeds demo
/// data with the Platform's seeder (units, people, cards and the demo staff); once the server listens it prints the URL and the
/// demo sign-ins. Outside Development (and the test host) it refuses to start while a demo secret is configured
/// (<see cref="DemoSecretGuard"/>).
/// </summary>
public sealed class StorageStartupService(
    IServiceProvider services,
    PlatformDatabase database,
    IOptions<DemoOptions> demoOptions,
    IOptions<SiteOptions> siteOptions,
    ApiKeyStore apiKeys,
    IServer server,
    IHostApplicationLifetime lifetime,
    IHostEnvironment environment,
    IOptions<SocialCard.Platform.Security.SmsOptions> smsOptions,
    IOptions<ApiKeyOptions> apiKeyOptions,
    ILogger<StorageStartupService> logger) : IHostedService
{
    private string[] _demoLines = [];

    /// <summary>What the start-up banner prints about the demo data (empty without demo data).</summary>
    public IReadOnlyList<string> DemoLines => _demoLines;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        DemoOptions demo = demoOptions.Value;
        if (!DemoSecretGuard.AllowsDemo(environment))
        {
            IReadOnlyList<string> findings = await DemoSecretGuard.FindAsync(demo, smsOptions.Value, apiKeyOptions.Value, siteOptions.Value.DemoApiKey,
                database, cancellationToken);
            if (findings.Count > 0)
            {
                WebLog.DemoSecretRefused(logger, environment.EnvironmentName, string.Join("; ", findings));
                throw new InvalidOperationException(
                    $"Refusing to start in {environment.EnvironmentName} with a demo secret: {string.Join("; ", findings)}. Demo settings are for Development only.");
            }
        }

        bool seed = demo.Seed && (database.Provider == StorageProvider.Sqlite || siteOptions.Value.DemoOnPostgreSql);
        await services.InitializeSocialCardPlatformAsync(seed ? demo : null, cancellationToken);
        if (!seed)
        {
            return;
        }

        await using PlatformDbContext db = database.CreateDbContext();
        List<string> units = await db.UnitAccounts.Select(a => a.LoginName).OrderBy(c => c).ToListAsync(cancellationToken);
        string demoKey = siteOptions.Value.DemoApiKey;
        if (!string.IsNullOrWhiteSpace(demoKey))
        {
            apiKeys.Register("demo-integrator", demoKey, 600, units);
        }

        // A demo person who has not applied yet: the ID number a newcomer types into the wizard.
        string? applicant = await db.People.AsNoTracking()
            .Where(p => p.IdType == IdType.ResidentId && p.UnitId != null && !db.Applications.Any(a => a.PersonId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.IdNumber).FirstOrDefaultAsync(cancellationToken);
        string? sample = await WriteSamplePackageAsync(demo, units.FirstOrDefault(), cancellationToken);
        _demoLines =
        [
            "演示数据 / demo data: " + database.ConnectionString,
            $"  参保单位 / units (单位代码):  {string.Join(", ", units.Take(5))}{(units.Count > 5 ? " ..." : "")}   密码 / password: {demo.DemoPassword}",
            $"  中心人员 / staff:  {DemoSeeder.AdminLogin} (Admin), {string.Join(", ", DemoSeeder.DemoStaff.Select(s => $"{s.Login} ({s.Role})"))}   密码 / password: {demo.DemoPassword}",
            $"  API 密钥 / API key (X-Api-Key): {demoKey}",
            $"  申请人 / applicant (/apply):  身份证号码 / ID number {applicant}   短信验证码：以中心工作人员登录后查看 /dev/sms-outbox / SMS codes: sign in as centre staff, then /dev/sms-outbox",
            .. sample is null ? Array.Empty<string>() :
                [$"  示例照片包 / sample package (单位 / unit {units[0]}, /portal 上传 / upload it at /portal):  {sample}"],
        ];
        lifetime.ApplicationStarted.Register(PrintBanner);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Writes the first unit's sample package (sample photos named by the numbers the seed gave that unit's people) to
    /// <c>&lt;data&gt;/sample-package/&lt;unit&gt;.zip</c>; null without sample photos.
    /// </summary>
    private async Task<string?> WriteSamplePackageAsync(DemoOptions demo, string? unitCode, CancellationToken cancellationToken)
    {
        if (unitCode is null || DemoSamplePackage.BuildZip(demo.SamplePhotos, unitCode) is not { } zip)
        {
            return null;
        }

        string path = Path.GetFullPath(Path.Combine(database.Storage.DataDirectory, "sample-package", unitCode + ".zip"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, zip, cancellationToken);
        return path;
    }

    private void PrintBanner()
    {
        foreach (string address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            Console.WriteLine($"SocialCard.Web 已启动 / listening on {address}");
        }

        foreach (string line in _demoLines)
        {
            Console.WriteLine(line);
        }
    }
}
