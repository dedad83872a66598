using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Drafts;
using SocialCard.Platform.Files;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Storage.Migrations;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Storage;

/// <summary>Photos, batch files and ID-card images live in the encrypted file store under record keys; the rows keep
/// only the keys; images older versions kept in columns are moved on start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ImageFilesTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_photo_is_written_encrypted_to_the_store_under_its_record_id_and_a_replaced_fix_leaves_no_file_behind(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_photo_is_written_encrypted_to_the_store_under_its_record_id_and_a_replaced_fix_leaves_no_file_behind));
        var original = TestJpeg.Make(20_000, 1);
        var fix1 = TestJpeg.Make(15_000, 2);
        var fix2 = TestJpeg.Make(15_000, 3);
        long id;
        string originalKey, firstFixKey;
        await using (var db = t.NewContext())
        {
            var person = Samples.Person();
            db.People.Add(person);
            await db.SaveChangesAsync();
            var photo = new Photo(PhotoChannel.Counter, "a.jpg", original, T0, person.Id);
            photo.RecordReview(PhotoVerdict.Passed, "[]", T0, fix1);
            db.Photos.Add(photo);
            await db.SaveChangesAsync();
            (id, originalKey, firstFixKey) = (photo.Id, photo.OriginalKey!, photo.FixedKey!);
        }

        Assert.StartsWith($"photos/{id}/original-", originalKey, StringComparison.Ordinal);
        Assert.StartsWith($"photos/{id}/fixed-", firstFixKey, StringComparison.Ordinal);
        Assert.Equal(original, await t.Database.Files.GetAsync(originalKey, default));
        Assert.Equal(fix1, await t.Database.Files.GetAsync(firstFixKey, default));
        var onDisk = await File.ReadAllBytesAsync(((LocalFileStore)t.Database.Files).PathOf(originalKey));
        Assert.Equal(-1, onDisk.AsSpan().IndexOf(original.AsSpan(100, 64)));
        Assert.DoesNotContain(await ColumnsAsync(t, "photos"), c => c is "original" or "fixed");

        // A new fix replaces the old file; the same fix again writes nothing new; no fix removes it.
        await using (var db = t.NewContext())
        {
            var photo = await db.Photos.SingleAsync(p => p.Id == id);
            photo.RecordReview(PhotoVerdict.Passed, "[]", T0, fix2);
            await db.SaveChangesAsync();
            Assert.NotEqual(firstFixKey, photo.FixedKey);
            Assert.Null(await t.Database.Files.GetAsync(firstFixKey, default));
            Assert.Equal(fix2, await db.ReadFileAsync(photo.FixedKey, default));
            var secondFixKey = photo.FixedKey;
            photo.RecordReview(PhotoVerdict.Passed, "[]", T0, fix2);
            await db.SaveChangesAsync();
            Assert.Equal(secondFixKey, photo.FixedKey);
            photo.RecordReview(PhotoVerdict.Failed, "[]", T0, null);
            await db.SaveChangesAsync();
            Assert.Null(photo.FixedKey);
            Assert.Null(await t.Database.Files.GetAsync(secondFixKey!, default));
        }

        Assert.Equal([originalKey], (await t.Database.Files.ListAsync("photos/", default)).Select(f => f.Key));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Deleting_a_draft_or_withdrawing_an_application_deletes_its_files(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Deleting_a_draft_or_withdrawing_an_application_deletes_its_files));
        long personId;
        await using (var db = t.NewContext())
        {
            var person = Samples.Person();
            db.People.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
        }

        var clock = new ManualTimeProvider(T0);
        var drafts = new ApplicationDraftService(t.Database, clock);
        var images = new ApplicationDraftImages([1, 2, 3], [4, 5], [6], [7]);
        var id = await drafts.SaveAsync("token-1", personId, "{}", images);
        Assert.Equal(4, (await t.Database.Files.ListAsync($"applications/{id}/", default)).Count);
        var found = await drafts.FindAsync("token-1");
        Assert.True(new DraftImagesComparer().Equals(images, found!.Images));

        // Saving the same images again writes nothing; a new photo replaces the old file.
        await drafts.SaveAsync("token-1", personId, "{}", images with { Photo = [8, 8] });
        var keys = (await t.Database.Files.ListAsync($"applications/{id}/", default)).Select(f => f.Key).ToList();
        Assert.Equal(4, keys.Count);
        Assert.Equal([8, 8], (await drafts.FindAsync("token-1"))!.Images.Photo);

        await drafts.DeleteAsync("token-1");
        Assert.Empty(await t.Database.Files.ListAsync("applications/", default));

        // An idle draft expires with its files.
        var stale = await drafts.SaveAsync("token-2", personId, "{}", images);
        clock.Advance(ApplicationDraftService.IdleLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await drafts.DeleteStaleAsync());
        Assert.Empty(await t.Database.Files.ListAsync($"applications/{stale}/", default));

        // A withdrawn application keeps no ID-card images.
        long submitted;
        await using (var db = t.NewContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == personId);
            var application = new Application(person, T0);
            application.AttachIdImages([1, 1], [2, 2], T0);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            application.Submit("BOCD", null, T0);
            await db.SaveChangesAsync();
            submitted = application.Id;
            Assert.Equal(2, (await t.Database.Files.ListAsync($"applications/{submitted}/", default)).Count);
            application.Withdraw(T0.AddHours(1));
            await db.SaveChangesAsync();
            Assert.Null(application.IdFrontKey);
        }

        Assert.Empty(await t.Database.Files.ListAsync($"applications/{submitted}/", default));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Images_kept_in_columns_by_older_versions_move_into_the_store_and_a_crash_mid_move_loses_nothing(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Images_kept_in_columns_by_older_versions_move_into_the_store_and_a_crash_mid_move_loses_nothing), migrate: false);
        var beforeFiles = SchemaMigrations.All.Where(s => s.Version < 15).ToList();
        await using (var db = t.NewContext())
        {
            await SchemaMigrator.MigrateAsync(db, beforeFiles, default);
        }

        // Rows as the older version wrote them: bytes in the columns.
        var photo = TestJpeg.Make(20_000, 1);
        var fixedPhoto = TestJpeg.Make(18_000, 2);
        var entry = TestJpeg.Make(19_000, 3);
        byte[] front = [1, 2, 3], back = [4, 5, 6], draft = [7, 8];
        var pg = provider == "PostgreSql";
        await ExecAsync(t, "INSERT INTO units (code, name, level) VALUES ('325001', 'u', 1);");
        await ExecAsync(t, "INSERT INTO people (id_type, id_number, country_code, personal_number, name, gender, birth_date, nationality) " +
            "VALUES ('ResidentId', @b, 'CHN', '0100000001', @b, 'Male', @b, 'CHN');", ("@b", new byte[] { 1 }));
        for (var i = 0; i < 5; i++)
        {
            await ExecAsync(t, "INSERT INTO photos (channel, person_id, file_name, original, fixed, verdict, received_at) VALUES ('Counter', 1, 'a.jpg', @o, @f, 'Passed', 0);",
                ("@o", photo), ("@f", i == 0 ? fixedPhoto : null));
        }

        await ExecAsync(t, "INSERT INTO batches (unit_id, operator, file_name, entry_count, passed_count, failed_count, state, received_at) VALUES (1, 'x', 'p.zip', 1, 0, 0, 'Received', 0);");
        await ExecAsync(t, "INSERT INTO batch_entries (batch_id, entry_name, personal_number, bytes) VALUES (1, 'e.jpg', '0100000001', @b);", ("@b", entry));
        await ExecAsync(t, $"INSERT INTO applications (person_id, state, id_valid_long_term, id_front_image, id_back_image, draft_photo, created_at) VALUES (1, 'Draft', {(pg ? "false" : "0")}, @f, @b, @d, 0);",
            ("@f", front), ("@b", back), ("@d", draft));

        // The store fails after three files: the start fails, nothing is lost, the step is not applied.
        var failing = t.WithFiles(_ => new FailingFileStore(t.Database.Files, 3));
        await Assert.ThrowsAsync<IOException>(() => failing.MigrateAsync());
        await using (var db = t.NewContext())
        {
            Assert.Equal(15, await SchemaMigrator.CurrentVersionAsync(db));
        }

        Assert.Equal(3, await CountAsync(t, "SELECT COUNT(*) FROM photos WHERE original_key IS NOT NULL"));
        Assert.Equal(5, await CountAsync(t, "SELECT COUNT(*) FROM photos WHERE original IS NOT NULL"));

        // The next start goes on and finishes; the byte columns are gone.
        await t.Database.MigrateAsync();
        await using (var db = t.NewContext())
        {
            Assert.Equal(SchemaMigrations.All[^1].Version, await SchemaMigrator.CurrentVersionAsync(db));
            var photos = await db.Photos.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
            Assert.Equal(5, photos.Count);
            foreach (var p in photos)
            {
                Assert.StartsWith($"photos/{p.Id}/original-", p.OriginalKey, StringComparison.Ordinal);
                Assert.Equal(photo, await db.ReadFileAsync(p.OriginalKey, default));
            }

            Assert.Equal(fixedPhoto, await db.ReadFileAsync(photos[0].FixedKey, default));
            Assert.All(photos.Skip(1), p => Assert.Null(p.FixedKey));
            var batchEntry = await db.BatchEntries.AsNoTracking().SingleAsync();
            Assert.Equal(entry, await db.ReadFileAsync(batchEntry.BytesKey, default));
            var application = await db.Applications.AsNoTracking().SingleAsync();
            Assert.Equal(front, await db.ReadFileAsync(application.IdFrontKey, default));
            Assert.Equal(back, await db.ReadFileAsync(application.IdBackKey, default));
            Assert.Equal(draft, await db.ReadFileAsync(application.DraftPhotoKey, default));
            Assert.Null(application.DraftPhotoOriginalKey);
        }

        foreach (var (table, column) in new[] { ("photos", "original"), ("photos", "fixed"), ("batch_entries", "bytes"), ("applications", "id_front_image"),
            ("applications", "id_back_image"), ("applications", "draft_photo"), ("applications", "draft_photo_original") })
        {
            Assert.DoesNotContain(column, await ColumnsAsync(t, table));
        }

        Assert.Equal(0, await t.Database.MigrateAsync());
    }

    private static async Task<List<string>> ColumnsAsync(TestDatabase t, string table)
    {
        await using var db = t.NewContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SchemaOnly);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    private static async Task ExecAsync(TestDatabase t, string sql, params (string Name, byte[]? Value)[] parameters)
    {
        await using var db = t.NewContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using DbCommand cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            SchemaMigrator.AddParameter(cmd, name, value);
        }

        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(TestDatabase t, string sql)
    {
        await using var db = t.NewContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class DraftImagesComparer : IEqualityComparer<ApplicationDraftImages>
    {
        public bool Equals(ApplicationDraftImages? x, ApplicationDraftImages? y) =>
            x is not null && y is not null && Same(x.Photo, y.Photo) && Same(x.PhotoOriginal, y.PhotoOriginal) && Same(x.IdFront, y.IdFront) && Same(x.IdBack, y.IdBack);

        public int GetHashCode(ApplicationDraftImages obj) => 0;

        private static bool Same(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
    }
}
