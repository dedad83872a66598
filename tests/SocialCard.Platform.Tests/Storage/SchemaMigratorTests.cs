using System.Data;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Storage.Migrations;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Empty_database_is_migrated_to_newest_version_once(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Empty_database_is_migrated_to_newest_version_once), migrate: false);
        await using var db = t.NewContext();
        Assert.Equal(0, await SchemaMigrator.CurrentVersionAsync(db));

        var applied = await SchemaMigrator.MigrateAsync(db);
        Assert.Equal(SchemaMigrations.All.Count, applied);
        Assert.Equal(SchemaMigrations.All[^1].Version, await SchemaMigrator.CurrentVersionAsync(db));

        Assert.Equal(0, await SchemaMigrator.MigrateAsync(db));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Nodes_starting_at_once_apply_each_step_exactly_once(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Nodes_starting_at_once_apply_each_step_exactly_once), migrate: false);
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => t.Database.MigrateAsync())));
        Assert.Equal(SchemaMigrations.All.Count, applied.Sum());
        await using var db = t.NewContext();
        Assert.Equal(SchemaMigrations.All[^1].Version, await SchemaMigrator.CurrentVersionAsync(db));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_mapped_column_exists_in_the_hand_written_schema(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Every_mapped_column_exists_in_the_hand_written_schema));
        await using var db = t.NewContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var checkedColumns = 0;
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table} WHERE 1 = 0";
            await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SchemaOnly);
            Assert.Equal(columns.Count, reader.FieldCount);
            checkedColumns += columns.Count;
        }

        Assert.True(checkedColumns > 100, $"only {checkedColumns} columns checked");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_failing_step_rolls_back_and_leaves_the_version(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_failing_step_rolls_back_and_leaves_the_version));
        await using var db = t.NewContext();
        var version = await SchemaMigrator.CurrentVersionAsync(db);
        var bad = new SchemaMigration(version + 1, "broken",
            "CREATE TABLE half_done (id INTEGER); SELECT no_such_function();",
            "CREATE TABLE half_done (id integer); SELECT no_such_function();");
        var steps = SchemaMigrations.All.Append(bad).ToList();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => SchemaMigrator.MigrateAsync(db, steps, CancellationToken.None));
        Assert.Equal(version, await SchemaMigrator.CurrentVersionAsync(db));

        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM half_done";
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => cmd.ExecuteScalarAsync());
    }
}
