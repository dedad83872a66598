using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage.Configurations;

namespace SocialCard.Platform.Storage;

/// <summary>The platform's unit of work. On save it fills the keyed-hash lookup columns, bumps card versions and turns
/// every recorded card transition into an audit event in the same transaction.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, FieldProtector protector) : DbContext(options)
{
    internal FieldProtector Protector { get; } = protector;

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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var cards = BeforeSave();
        var n = base.SaveChanges(acceptAllChangesOnSuccess);
        AfterSave(cards);
        return n;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var cards = BeforeSave();
        var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        AfterSave(cards);
        return n;
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
                entry.Entity.ContentHash ??= Protector.ContentHash(entry.Entity.Original);
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
