using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Platform.Jobs;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.ToTable("jobs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Type).HasMaxLength(64);
        b.Property(x => x.State).HasConversion(v => JobStateNames.ToDb(v), v => JobStateNames.FromDb(v)).HasMaxLength(16);
        b.Property(x => x.LockedBy).HasMaxLength(128);
        b.HasIndex(x => new { x.State, x.RunAfter });
        b.HasIndex(x => x.DedupKey).IsUnique();
    }
}
