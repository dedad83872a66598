using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlConnectionDefaultsTests(PostgresServer server)
{
    [Fact]
    public void Automatic_preparation_is_on_unless_the_operator_set_it()
    {
        var plain = new DbConnectionStringBuilder { ConnectionString = PlatformDatabase.WithPostgreSqlDefaults("Host=127.0.0.1;Username=u;Database=d") };
        Assert.Equal("64", plain["Max Auto Prepare"].ToString());
        Assert.Equal("d", plain["Database"].ToString());

        var operatorSet = new DbConnectionStringBuilder { ConnectionString = PlatformDatabase.WithPostgreSqlDefaults("Host=127.0.0.1;Max Auto Prepare=0") };
        Assert.Equal("0", operatorSet["Max Auto Prepare"].ToString());
        var spelledTogether = new DbConnectionStringBuilder { ConnectionString = PlatformDatabase.WithPostgreSqlDefaults("Host=127.0.0.1;MaxAutoPrepare=5") };
        Assert.Equal("5", spelledTogether["Max Auto Prepare"].ToString());
    }

    [Fact]
    public async Task A_statement_run_repeatedly_is_prepared_on_the_server()
    {
        await using var t = await TestDatabase.CreateAsync("PostgreSql", server, nameof(A_statement_run_repeatedly_is_prepared_on_the_server));
        await using var db = t.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        for (var i = 0; i < 8; i++)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM units WHERE code = @code";
            var p = cmd.CreateParameter();
            p.ParameterName = "@code";
            p.Value = "x" + i;
            cmd.Parameters.Add(p);
            await cmd.ExecuteScalarAsync();
        }

        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM units WHERE code%'";
        Assert.True(Convert.ToInt64(await check.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
