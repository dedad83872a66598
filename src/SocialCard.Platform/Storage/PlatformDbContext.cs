using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Files;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage.Configurations;

namespace SocialCard.Platform.Storage;

/// <summary>The platform's unit of work. On save it fills the keyed-hash lookup columns, bumps card versions and turns
/// every recorded card transition into an audit event in the same transaction; and it writes the images staged on
/// rows (<see cref="IFileBacked"/>) into the encrypted file store: in one transaction, the rows are saved (ids), each
/// file is written under its record key, the rows take the keys and the transaction commits. A crash in between leaves
/// at most a file no row points at, never a row without its file; a replaced or deleted row's old files go once the
/// change is committed.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, FieldProtector protector, IFileStore files) : DbContext(options)
{
    internal FieldProtector Protector { get; } = protector;

    /// <summary>The encrypted store of every image a row refers to.</summary>
    public IFileStore Files { get; } = files;

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<Photo> Photos => Set<Photo>();

    public DbSet<Batch> Batches => Set<Batch>();

    public DbSet<BatchEntry> BatchEntries => Set<BatchEntry>();

    public DbSet<CardRecord> CardRecords => Set<CardRecord>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();

    public DbSet<UnitAccount> UnitAccounts => Set<UnitAccount>();

    public DbSet<SmsMessage> SmsOutbox => Set<SmsMessage>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<SmsVerification> SmsVerifications => Set<SmsVerification>();

    public DbSet<ChangeSession> ChangeSessions => Set<ChangeSession>();

    public DbSet<CounterSubmission> CounterSubmissions => Set<CounterSubmission>();

    public bool IsPostgreSql => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Keyed hash for an exact lookup on <see cref="Person.IdNumberHash"/>, <see cref="Person.PhoneHash"/> or
    /// <see cref="Person.SocialSecurityNumberHash"/>.</summary>
    public byte[] LookupHash(string value) => Protector.LookupHash(value);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new UnitConfiguration());
        modelBuilder.ApplyConfiguration(new PersonConfiguration(Protector));
        modelBuilder.ApplyConfiguration(new ApplicationConfiguration(Protector));
        modelBuilder.ApplyConfiguration(new PhotoConfiguration(Protector));
        modelBuilder.ApplyConfiguration(new BatchConfiguration());
        modelBuilder.ApplyConfiguration(new BatchEntryConfiguration());
        modelBuilder.ApplyConfiguration(new CardRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ChangeSessionConfiguration());
        modelBuilder.ApplyConfiguration(new CounterSubmissionConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEventConfiguration());
        modelBuilder.ApplyConfiguration(new AccountConfiguration());
        modelBuilder.ApplyConfiguration(new StaffAccountConfiguration());
        modelBuilder.ApplyConfiguration(new UnitAccountConfiguration());
        modelBuilder.ApplyConfiguration(new SmsMessageConfiguration(Protector));
        modelBuilder.ApplyConfiguration(new JobConfiguration());
        modelBuilder.ApplyConfiguration(new SmsVerificationConfiguration());
        SnakeCaseNames.Apply(modelBuilder.Model);
    }

    /// <summary>The content of <paramref name="key"/> in the file store; null for a null key or a missing file.</summary>
    public Task<byte[]?> ReadFileAsync(string? key, CancellationToken cancellationToken) =>
        key is null ? Task.FromResult<byte[]?>(null) : Files.GetAsync(key, cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries().Any(e => e.Entity is IFileBacked { Staged.Count: > 0 } || (e.State == EntityState.Deleted && e.Entity is IFileBacked)))
        {
            throw new InvalidOperationException("Rows with files are saved with SaveChangesAsync (the files are written to the store).");
        }

        var cards = BeforeSave();
        var n = base.SaveChanges(acceptAllChangesOnSuccess);
        AfterSave(cards);
        return n;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var cards = BeforeSave();
        var staged = new List<IFileBacked>();
        var gone = new List<string>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is not IFileBacked row)
            {
                continue;
            }

            if (entry.State == EntityState.Deleted)
            {
                gone.AddRange(row.FileKeys);
            }
            else if (row.Staged.Count > 0)
            {
                staged.Add(row);
            }
        }

        // Old files go only once nothing can roll the change back: after our own commit, never inside a caller's transaction.
        var ownsCommit = Database.CurrentTransaction is null;
        int n;
        if (staged.Count == 0)
        {
            n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var transaction = ownsCommit ? await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
            try
            {
                n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
                foreach (var row in staged)
                {
                    await WriteStagedAsync(row, gone, cancellationToken).ConfigureAwait(false);
                }

                n += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }
            }

            foreach (var row in staged)
            {
                row.Staged.Clear();
            }
        }

        AfterSave(cards);
        if (ownsCommit)
        {
            await DeleteFilesAsync(gone, CancellationToken.None).ConfigureAwait(false);
        }

        return n;
    }

    /// <summary>Deletes files no row points at any more (best effort: a file left behind is encrypted and unreachable).</summary>
    internal async Task DeleteFilesAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await Files.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Amazon.S3.AmazonS3Exception or HttpRequestException)
            {
                // Left for the operator's store clean-up; the row no longer refers to it.
            }
        }
    }

    private async Task WriteStagedAsync(IFileBacked row, List<string> replaced, CancellationToken cancellationToken)
    {
        foreach (var (slot, content) in row.Staged.Pending)
        {
            var old = row.GetFileKey(slot);
            string? key = null;
            if (content is not null)
            {
                key = RecordFileKeys.For(row.FileFolder, row.Id, slot, Protector.ContentHash(content));
                if (!string.Equals(key, old, StringComparison.Ordinal))
                {
                    await Files.PutAsync(key, content, cancellationToken).ConfigureAwait(false);
                }
            }

            if (!string.Equals(key, old, StringComparison.Ordinal))
            {
                row.SetFileKey(slot, key);
                if (old is not null)
                {
                    replaced.Add(old);
                }
            }
        }
    }

    private List<CardRecord> BeforeSave()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<Person>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var p = entry.Entity;
                p.IdNumberHash = Protector.LookupHash(p.IdNumber);
                p.PhoneHash = p.Phone is null ? null : Protector.LookupHash(p.Phone);
                p.SocialSecurityNumberHash = p.SocialSecurityNumber is null ? null : Protector.LookupHash(p.SocialSecurityNumber);
            }
        }

        foreach (var entry in ChangeTracker.Entries<Photo>())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.StagedOriginal is { } original)
                {
                    entry.Entity.ContentHash ??= Protector.ContentHash(original);
                }
            }
        }

        var cards = new List<CardRecord>();
        foreach (var entry in ChangeTracker.Entries<CardRecord>().ToList())
        {
            var card = entry.Entity;
            if (entry.State == EntityState.Modified)
            {
                card.Version++;
            }

            foreach (var c in card.PendingChanges)
            {
                AuditEvents.Add(new AuditEvent(c.At, c.Actor, AuditActions.CardStateChanged, "card", card.PersonalNumber,
                    c.Reason is null ? $"{c.From}->{c.To}" : $"{c.From}->{c.To}: {c.Reason}"));
            }

            if (card.PendingChanges.Count > 0)
            {
                cards.Add(card);
            }
        }

        return cards;
    }

    private static void AfterSave(List<CardRecord> cards)
    {
        foreach (var c in cards)
        {
            c.ClearPendingChanges();
        }
    }
}
