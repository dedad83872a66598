using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Files;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Storage.Migrations;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Security;

/// <summary>
/// Personal data at rest: names, social security numbers, birth dates and addresses sealed like ID numbers (the
/// schema step seals rows written in plaintext before it); a key id in every value; rotation to a new key re-seals
/// everything while old values stay readable; the key lives outside the data directory; data files are owner-only.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FieldKeyRotationTests(PostgresServer server)
{
    private const string Name = "张三丰";
    private const string Ssn = "SSN510107198706151";
    private const string Household = "四川省成都市金牛区一环路北一段99号";
    private const string Residential = "四川省成都市武侯区人民南路四段1号";

    [Fact]
    public void New_values_carry_the_newest_key_id_and_values_under_older_keys_still_open()
    {
        var k1 = new FieldKey(1, RandomNumberGenerator.GetBytes(32));
        var k2 = new FieldKey(2, RandomNumberGenerator.GetBytes(32));
        var old = new FieldProtector(new FieldKeyRing([k1]));
        var rotated = new FieldProtector(new FieldKeyRing([k2, k1]));
        var sealedOld = old.Encrypt(Name);
        var sealedNew = rotated.Encrypt(Name);
        Assert.Equal(1, rotated.KeyIdOf(sealedOld));
        Assert.Equal(2, rotated.KeyIdOf(sealedNew));
        Assert.Equal(Name, rotated.Decrypt(sealedOld));
        Assert.Equal(Name, rotated.Decrypt(sealedNew));
        Assert.False(rotated.IsCurrent(sealedOld));
        Assert.True(rotated.IsCurrent(sealedNew));
        Assert.Equal(old.LookupHash(Ssn), rotated.LookupHash(Ssn)); // look-ups survive the rotation
        Assert.ThrowsAny<CryptographicException>(() => old.Decrypt(sealedNew)); // key 2 is not in the old ring
        Assert.Null(rotated.KeyIdOf(Encoding.UTF8.GetBytes(Name)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_schema_step_seals_plaintext_personal_data_and_the_ssn_is_found_by_its_hash(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(The_schema_step_seals_plaintext_personal_data_and_the_ssn_is_found_by_its_hash), migrate: false);
        await using (var db = t.NewContext())
        {
            await SchemaMigrator.MigrateAsync(db, [.. SchemaMigrations.All.Where(s => s.Version <= 7)], default);
            var id = db.Protector.Encrypt("51010719870615123X");
            var idHash = db.LookupHash("51010719870615123X");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO people (id_type, id_number, id_number_hash, country_code, social_security_number, personal_number, name, gender, birth_date, nationality)
                VALUES ('ResidentId', {id}, {idHash}, 'CHN', {Ssn}, '0100100007', {Name}, 'Male', {new DateOnly(1987, 6, 15)}, '汉族')
                """);
            var personId = await db.People.Select(p => p.Id).SingleAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO applications (person_id, state, id_valid_long_term, household_address, residential_address, created_at)
                VALUES ({personId}, 'Draft', {false}, {Household}, {Residential}, {0L})
                """);
        }

        await t.Database.MigrateAsync();

        await using var check = t.NewContext();
        foreach (var column in new[] { "name", "social_security_number", "birth_date" })
        {
            var raw = await RawAsync(check, "people", column);
            Assert.True(check.Protector.IsCurrent(raw), column);
            Assert.DoesNotContain("1987", Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        }

        foreach (var column in new[] { "household_address", "residential_address" })
        {
            Assert.True(check.Protector.IsCurrent(await RawAsync(check, "applications", column)), column);
        }

        var ssnHash = check.LookupHash(Ssn);
        var person = await check.People.SingleAsync(p => p.SocialSecurityNumberHash == ssnHash);
        Assert.Equal((Name, Ssn, new DateOnly(1987, 6, 15)), (person.Name, person.SocialSecurityNumber, person.BirthDate));
        var application = await check.Applications.SingleAsync();
        Assert.Equal((Household, Residential), (application.HouseholdAddress, application.ResidentialAddress));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_key_reseals_every_value_at_start_up_and_the_data_still_reads(string provider)
    {
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_new_key_reseals_every_value_at_start_up_and_the_data_still_reads));
        var before = new StorageOptions { Provider = t.Provider, ConnectionString = t.ConnectionString, DataDirectory = Path.GetTempPath(), EncryptionKey = TestDatabase.TestKey };
        var first = new PlatformDatabase(before);
        await using (var db = first.CreateDbContext())
        {
            var person = new Person(IdType.ResidentId, "51010719870615123X", "CHN", "0100100007", Name, Gender.Male, new DateOnly(1987, 6, 15), "汉族")
            {
                Phone = "13912345678",
                SocialSecurityNumber = Ssn,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
        }

        var after = new StorageOptions { Provider = t.Provider, ConnectionString = t.ConnectionString, DataDirectory = Path.GetTempPath(), EncryptionKey = TestDatabase.TestKey };
        after.EncryptionKeys["2"] = newKey;
        var rotated = new PlatformDatabase(after);
        Assert.Equal(2, rotated.Protector.CurrentKeyId);
        await rotated.MigrateAsync();

        await using var check = rotated.CreateDbContext();
        foreach (var column in new[] { "id_number", "phone", "name", "social_security_number", "birth_date" })
        {
            Assert.Equal(2, check.Protector.KeyIdOf(await RawAsync(check, "people", column)));
        }

        var ssnHash = check.LookupHash(Ssn);
        var read = await check.People.SingleAsync(p => p.SocialSecurityNumberHash == ssnHash);
        Assert.Equal((Name, "13912345678"), (read.Name, read.Phone));
        Assert.Equal(0, await FieldReencryption.RunAsync(rotated)); // nothing left under the old key
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task After_rotation_key_1_can_leave_the_ring_and_everything_still_reads_and_is_found(string provider)
    {
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        byte[] photoBytes = RandomNumberGenerator.GetBytes(2000);
        byte[] fileBytes = RandomNumberGenerator.GetBytes(300);
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(After_rotation_key_1_can_leave_the_ring_and_everything_still_reads_and_is_found));
        var files = Path.Combine(t.Database.Storage.DataDirectory, "retire-files-" + provider);
        await using (var db = t.NewContext())
        {
            var person = new Person(IdType.ResidentId, "51010719870615123X", "CHN", "0100100007", Name, Gender.Male, new DateOnly(1987, 6, 15), "汉族")
            {
                Phone = "13912345678",
                SocialSecurityNumber = Ssn,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            db.Photos.Add(new Photo(PhotoChannel.Applicant, "photo.jpg", photoBytes, DateTimeOffset.UnixEpoch, person.Id));
            await db.SaveChangesAsync();
        }

        await new LocalFileStore(files, new FileCipher(t.Database.KeyRing.IndexKey)).PutAsync("exports/one.zip", fileBytes, default);

        // Rotation: key 2 joins, start-up re-seals everything under it.
        var rotating = new StorageOptions { Provider = t.Provider, ConnectionString = t.ConnectionString, DataDirectory = t.Database.Storage.DataDirectory, EncryptionKey = TestDatabase.TestKey };
        rotating.EncryptionKeys["2"] = newKey;
        await new PlatformDatabase(rotating).MigrateAsync();

        // Retirement: key 1 leaves the ring; its material stays only as the index key.
        var retired = new StorageOptions { Provider = t.Provider, ConnectionString = t.ConnectionString, DataDirectory = t.Database.Storage.DataDirectory, IndexKey = TestDatabase.TestKey };
        retired.EncryptionKeys["2"] = newKey;
        var database = new PlatformDatabase(retired);
        Assert.Equal([2], database.KeyRing.Keys.Select(k => k.Id));
        await database.MigrateAsync();

        await using var check = database.CreateDbContext();
        var idHash = check.LookupHash("51010719870615123x");
        var phoneHash = check.LookupHash("13912345678");
        var ssnHash = check.LookupHash(Ssn);
        var read = await check.People.SingleAsync(p => p.IdNumberHash == idHash && p.PhoneHash == phoneHash && p.SocialSecurityNumberHash == ssnHash);
        Assert.Equal((Name, "13912345678", Ssn, new DateOnly(1987, 6, 15)), (read.Name, read.Phone, read.SocialSecurityNumber, read.BirthDate));
        var contentHash = check.Protector.ContentHash(photoBytes);
        Assert.Equal(read.Id, (await check.Photos.SingleAsync(p => p.ContentHash == contentHash)).PersonId);
        Assert.Equal(fileBytes, await new LocalFileStore(files, new FileCipher(database.KeyRing.IndexKey)).GetAsync("exports/one.zip", default));

        // Without the index key, a ring without key 1 is refused with the reason instead of silently missing every look-up.
        var careless = new StorageOptions { Provider = t.Provider, ConnectionString = t.ConnectionString, DataDirectory = t.Database.Storage.DataDirectory };
        careless.EncryptionKeys["2"] = newKey;
        Assert.Contains("index key", Assert.ThrowsAny<CryptographicException>(() => new PlatformDatabase(careless)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_keeps_its_index_key_on_a_line_of_its_own_so_key_1_can_be_removed()
    {
        var root = Path.Combine(Path.GetTempPath(), "sc-indexkey-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            // A new key file: the index key is random and not key 1.
            var fresh = new StorageOptions { DataDirectory = Path.Combine(root, "a"), KeyFile = Path.Combine(root, "a.b64") };
            var ring = FieldKeySource.LoadRing(fresh);
            Assert.True(ring.HasOwnIndexKey);
            Assert.NotEqual(ring.First.Material, ring.IndexKey);

            // A key file from before the index line: key 1's material is pinned there on first load.
            var oldKey = RandomNumberGenerator.GetBytes(32);
            var path = Path.Combine(root, "b.b64");
            File.WriteAllText(path, "1:" + Convert.ToBase64String(oldKey));
            var old = new StorageOptions { DataDirectory = Path.Combine(root, "b"), KeyFile = path };
            Assert.Equal(oldKey, FieldKeySource.LoadRing(old).IndexKey);
            Assert.Equal(2, FieldKeySource.AddKey(path));

            // Key 1 removed from the file after the re-seal: the ring has key 2 only and still the same index key.
            File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("1:", StringComparison.Ordinal)));
            var retired = FieldKeySource.LoadRing(old);
            Assert.Equal([2], retired.Keys.Select(k => k.Id));
            Assert.Equal(oldKey, retired.IndexKey);
            Assert.Equal(new FieldProtector(oldKey).LookupHash(Ssn), new FieldProtector(retired).LookupHash(Ssn));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_key_lives_outside_the_data_directory_and_the_data_files_are_owner_only()
    {
        var root = Path.Combine(Path.GetTempPath(), "sc-keyhome-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(root, "data");
        try
        {
            // An install from before: key file beside the database.
            Directory.CreateDirectory(data);
            var legacyKey = RandomNumberGenerator.GetBytes(32);
            File.WriteAllText(Path.Combine(data, FieldKeySource.LegacyKeyFileName), Convert.ToBase64String(legacyKey));
            var options = new StorageOptions { DataDirectory = data, KeyFile = Path.Combine(root, "config", "field-key.b64") };
            var database = new PlatformDatabase(options);
            await database.MigrateAsync();

            Assert.False(File.Exists(Path.Combine(data, FieldKeySource.LegacyKeyFileName)));
            Assert.Equal(legacyKey, database.KeyRing.First.Material);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.KeyFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "socialcard.db")));

            // Rotation by key file: a new line is the newest key; the old one still reads.
            Assert.Equal(2, FieldKeySource.AddKey(options.KeyFile));
            var rotated = FieldKeySource.LoadRing(options);
            Assert.Equal(new[] { 1, 2 }, rotated.Keys.Select(k => k.Id));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.KeyFile));

            // The default key file is per data directory, under the user's configuration folder.
            var fresh = new StorageOptions { DataDirectory = Path.Combine(root, "other") };
            Assert.False(fresh.ResolveKeyFile().StartsWith(Path.GetFullPath(fresh.DataDirectory), StringComparison.Ordinal));
            Assert.Contains(Path.Combine("socialcard", "field-key-"), fresh.ResolveKeyFile(), StringComparison.Ordinal);

            // A key file inside the data directory is refused.
            var inside = new StorageOptions { DataDirectory = data, KeyFile = Path.Combine(data, "key.b64") };
            Assert.Contains("data directory", Assert.ThrowsAny<CryptographicException>(() => FieldKeySource.LoadRing(inside)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<byte[]> RawAsync(PlatformDbContext db, string table, string column)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await conn.OpenAsync();
        }

        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {column} FROM {table}";
        return Assert.IsType<byte[]>(await cmd.ExecuteScalarAsync());
    }
}
