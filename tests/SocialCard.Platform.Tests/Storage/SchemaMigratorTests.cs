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

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_insured_and_work_unit_kept_in_the_submission_audit_text_move_into_application_columns(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(The_insured_and_work_unit_kept_in_the_submission_audit_text_move_into_application_columns), migrate: false);
        await using var db = t.NewContext();
        await SchemaMigrator.MigrateAsync(db, SchemaMigrations.All.Where(m => m.Version < 9).ToList(), CancellationToken.None);
        var blob = provider == "PostgreSql" ? "'\\x01'::bytea" : "X'01'";
        await ExecAsync(db, $"""
            INSERT INTO units (id, code, name, parent_id, level) VALUES (1, '325520', '参保单位', NULL, 1);
            INSERT INTO units (id, code, name, parent_id, level, bank_code) VALUES (2, '510001', '工作单位', NULL, 1, 'BOCD');
            INSERT INTO people (id, id_type, id_number, country_code, personal_number, name, gender, birth_date, nationality, unit_id)
                VALUES (1, 'ResidentId', {blob}, 'CHN', '0100000001', 'x', 'Male', '1987-06-15', '中国', 2);
            INSERT INTO applications (id, person_id, state, id_valid_long_term, created_at) VALUES (1, 1, 'Submitted', {(provider == "PostgreSql" ? "false" : "0")}, 0);
            INSERT INTO applications (id, person_id, state, id_valid_long_term, created_at) VALUES (2, 1, 'HandedOver', {(provider == "PostgreSql" ? "false" : "0")}, 0);
            INSERT INTO applications (id, person_id, state, id_valid_long_term, created_at) VALUES (3, 1, 'Submitted', {(provider == "PostgreSql" ? "false" : "0")}, 0);
            INSERT INTO audit_events (at, actor, action, entity_type, entity_id, detail) VALUES (0, 'applicant', 'application.submit', 'application', '1', 'insured-unit=1;work-unit=2');
            INSERT INTO audit_events (at, actor, action, entity_type, entity_id, detail) VALUES (0, 'applicant', 'application.submit', 'application', '2', 'insured-unit=;work-unit=2');
            INSERT INTO audit_events (at, actor, action, entity_type, entity_id, detail) VALUES (0, 'applicant', 'application.edit', 'application', '3', NULL);
            """);

        await SchemaMigrator.MigrateAsync(db);

        Assert.Equal(["1|1|2", "2||2", "3||"], await ReadAsync(db,
            "SELECT id, insured_unit_id, work_unit_id FROM applications ORDER BY id"));
        Assert.Equal(["0||"], await ReadAsync(db,
            "SELECT COUNT(*), NULL, NULL FROM audit_events WHERE action = 'application.submit' AND detail IS NOT NULL"));
    }

    private static async Task ExecAsync(PlatformDbContext db, string sql)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != ConnectionState.Open)
        {
            await conn.OpenAsync();
        }

        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadAsync(PlatformDbContext db, string sql)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != ConnectionState.Open)
        {
            await conn.OpenAsync();
        }

        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, 3).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
