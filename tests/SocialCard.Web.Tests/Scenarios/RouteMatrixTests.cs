using System.Globalization;
using System.Net;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Scenarios;

/// <summary>
/// Every page and GET endpoint, asked by every kind of caller: anonymous, the owning unit, another unit, and each
/// staff role. Role checks, cross-unit isolation (another unit gets 404, never the data) and the login redirects are
/// checked per route, on SQLite and on PostgreSQL.
/// </summary>
public abstract class RouteMatrixTests(ScenarioSite site)
{
    public enum Kind
    {
        /// <summary>Anyone.</summary>
        Public,

        /// <summary>Any signed-in unit (lists filtered to that unit).</summary>
        Portal,

        /// <summary>Unit A's own resource: unit B must get 404.</summary>
        PortalOwnedByA,

        /// <summary>Any staff member.</summary>
        Console,

        /// <summary>Auditors and admins.</summary>
        ConsoleAuditor,

        /// <summary>Card operators and admins.</summary>
        ConsoleOperator,

        /// <summary>Counter clerks and admins.</summary>
        ConsoleCounter,

        /// <summary>Admins only.</summary>
        ConsoleAdmin,

        /// <summary>Card operators and admins (route for a package that does not exist: 404 once allowed).</summary>
        ConsoleOperatorMissing,
    }

    public static TheoryData<string, Kind, Role> Cases()
    {
        (string Path, Kind Kind)[] routes =
        [
            ("/", Kind.Public),
            ("/portal/login", Kind.Public),
            ("/console/login", Kind.Public),
            ("/healthz", Kind.Public),
            ("/openapi/v1.json", Kind.Public),
            ("/portal", Kind.Portal),
            ("/portal/failures", Kind.Portal),
            ("/portal/failures?q=01&p=2", Kind.Portal),
            ("/portal/card-failures", Kind.Portal),
            ("/portal/people", Kind.Portal),
            ("/portal/failures.csv", Kind.Portal),
            ("/portal/failures.xlsx", Kind.Portal),
            ("/portal/card-failures.csv", Kind.Portal),
            ("/portal/card-failures.xlsx", Kind.Portal),
            ("/portal/batches/{batch}", Kind.PortalOwnedByA),
            ("/portal/batches/{batch}/status", Kind.PortalOwnedByA),
            ("/portal/photos/{photo}/image", Kind.PortalOwnedByA),
            ("/portal/fix/{photo}", Kind.PortalOwnedByA),
            ("/console", Kind.Console),
            ("/console/queue", Kind.Console),
            ("/console/queue?filter=all&p=2", Kind.Console),
            ("/console/people", Kind.Console),
            ("/console/people?unit={unitA}", Kind.Console),
            ("/console/registry", Kind.Console),
            ("/console/exchange", Kind.Console),
            ("/console/photos/{photo}/image", Kind.Console),
            ("/console/audit", Kind.ConsoleAuditor),
            ("/console/pickup", Kind.ConsoleCounter),
            ("/console/applications", Kind.Console),
            ("/console/applications?state=Submitted&p=2", Kind.Console),
            ("/console/applications?handler=Export&from=2026-01-01&to=2026-12-31&format=csv", Kind.ConsoleOperator),
            ("/console/pickup?unit={unitA}", Kind.ConsoleCounter),
            ("/console/counter", Kind.ConsoleCounter),
            ("/console/counter?unit={unitA}&q=0000000000", Kind.ConsoleCounter),
            ("/console/exports/no-such-package", Kind.ConsoleOperatorMissing),
            ("/portal/password", Kind.Portal),
            ("/console/password", Kind.Console),
            ("/console/password-reset", Kind.ConsoleAdmin),
            ("/console/units", Kind.ConsoleAdmin),
            ("/console/units?q={unitA}", Kind.ConsoleAdmin),
            ("/console/units/{unitAId}", Kind.ConsoleAdmin),
            ("/console/staff", Kind.ConsoleAdmin),
            ("/portal/clerks", Kind.Portal), // both units sign in with their shared login, the unit's administrator
        ];
        var data = new TheoryData<string, Kind, Role>();
        foreach ((string path, Kind kind) in routes)
        {
            foreach (Role role in Enum.GetValues<Role>())
            {
                data.Add(path, kind, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_answers_each_caller_as_its_role_allows(string pattern, Kind kind, Role role)
    {
        string failing = site.Labels.First(l => l.Value != "compliant").Key;
        string path = pattern
            .Replace("{batch}", site.BatchOfA.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{photo}", site.PhotoIds[failing].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{unitAId}", site.UnitAId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{unitA}", site.UnitA, StringComparison.Ordinal);
        HttpClient client = await site.ClientAsync(role);
        using HttpResponseMessage response = await client.GetAsync(path);
        string location = response.Headers.Location?.OriginalString ?? "";
        Expected expected = Expect(kind, role);
        string said = $"{role} GET {path}: {(int)response.StatusCode} {location}";
        switch (expected)
        {
            case Expected.Ok:
                Assert.True(response.StatusCode == HttpStatusCode.OK, said);
                break;
            case Expected.NotFound:
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, said);
                Assert.DoesNotContain(failing, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                break;
            case Expected.PortalLogin:
                // JSON endpoints (the batch status poll) answer 401 instead of a login redirect (.NET 10 cookie
                // handling of API endpoints); pages and files redirect to the login page.
                Assert.True(
                    (response.StatusCode == HttpStatusCode.Redirect || (response.StatusCode == HttpStatusCode.Unauthorized && path.EndsWith("/status", StringComparison.Ordinal)))
                    && location.Contains("/portal/login", StringComparison.OrdinalIgnoreCase),
                    said);
                break;
            case Expected.ConsoleLogin:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/console/login", StringComparison.OrdinalIgnoreCase), said);
                break;
            case Expected.Denied:
                string deniedAt = response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : location;
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && deniedAt.StartsWith("/error/403?", StringComparison.Ordinal), said);
                using (HttpResponseMessage denied = await client.GetAsync(deniedAt))
                {
                    // The access-denied page says so, in words: not "page not found", not "try again later".
                    string page = await denied.Content.ReadAsStringAsync();
                    Assert.True(denied.StatusCode == HttpStatusCode.Forbidden, said + " -> " + (int)denied.StatusCode);
                    Assert.Contains("无权访问此页面", page, StringComparison.Ordinal);
                    Assert.DoesNotContain("页面不存在", page, StringComparison.Ordinal);
                    Assert.DoesNotContain("稍后重试", page, StringComparison.Ordinal);
                }

                break;
        }

        if (kind != Kind.Public && response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Unit_B_lists_and_downloads_never_contain_unit_A_people()
    {
        HttpClient b = await site.ClientAsync(Role.UnitB);
        foreach (string path in (string[])["/portal/failures", "/portal/failures.csv", "/portal/failures.xlsx", "/portal/people", "/portal/card-failures.csv", $"/portal/failures.csv?batch={site.BatchOfA}", "/portal"])
        {
            string body = await b.GetStringAsync(path);
            foreach (string number in site.Labels.Keys)
            {
                Assert.DoesNotContain(number, body, StringComparison.Ordinal);
            }
        }

        // The search box echoes the query; the table must not list the person.
        string query = await b.GetStringAsync("/portal/people?q=" + site.Labels.Keys.First());
        Assert.DoesNotContain($"<td>{site.Labels.Keys.First()}</td>", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fixed_photo_of_unit_A_is_not_served_to_unit_B_or_anonymous()
    {
        long photo = site.PhotoIds[site.Labels.First(l => l.Value != "compliant").Key];
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.ClientAsync(Role.UnitB)).GetAsync($"/portal/photos/{photo}/fixed")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await site.ClientAsync(Role.Anonymous)).GetAsync($"/portal/photos/{photo}/fixed")).StatusCode);
    }

    [Fact]
    public async Task Fix_post_for_another_units_photo_is_404()
    {
        long photo = site.PhotoIds[site.Labels.First(l => l.Value != "compliant").Key];
        HttpClient b = await site.ClientAsync(Role.UnitB);
        HttpResponseMessage response = await FormPost.PostAsync(b, "/portal/failures", new Dictionary<string, string>(), $"/portal/fix/{photo}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private enum Expected
    {
        Ok,
        NotFound,
        PortalLogin,
        ConsoleLogin,
        Denied,
    }

    private static bool IsStaff(Role role) => role is Role.Clerk or Role.Reviewer or Role.Operator or Role.Auditor or Role.Admin;

    private static Expected Expect(Kind kind, Role role) => kind switch
    {
        Kind.Public => Expected.Ok,
        Kind.Portal => role is Role.UnitA or Role.UnitB ? Expected.Ok : Expected.PortalLogin,
        Kind.PortalOwnedByA => role == Role.UnitA ? Expected.Ok : role == Role.UnitB ? Expected.NotFound : Expected.PortalLogin,
        Kind.Console => IsStaff(role) ? Expected.Ok : Expected.ConsoleLogin,
        Kind.ConsoleAuditor => !IsStaff(role) ? Expected.ConsoleLogin : role is Role.Auditor or Role.Admin ? Expected.Ok : Expected.Denied,
        Kind.ConsoleOperator => !IsStaff(role) ? Expected.ConsoleLogin : role is Role.Operator or Role.Admin ? Expected.Ok : Expected.Denied,
        Kind.ConsoleCounter => !IsStaff(role) ? Expected.ConsoleLogin : role is Role.Clerk or Role.Admin ? Expected.Ok : Expected.Denied,
        Kind.ConsoleAdmin => !IsStaff(role) ? Expected.ConsoleLogin : role is Role.Admin ? Expected.Ok : Expected.Denied,
        Kind.ConsoleOperatorMissing => !IsStaff(role) ? Expected.ConsoleLogin : role is Role.Operator or Role.Admin ? Expected.NotFound : Expected.Denied,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

[Collection(SqliteScenarioCollection.Name)]
public sealed class RouteMatrixSqliteTests(SqliteScenario site) : RouteMatrixTests(site);

[Collection(PostgresScenarioCollection.Name)]
public sealed class RouteMatrixPostgresTests(PostgresScenario site) : RouteMatrixTests(site);
