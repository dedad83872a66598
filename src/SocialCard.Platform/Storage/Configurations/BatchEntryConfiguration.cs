using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class BatchEntryConfiguration : IEntityTypeConfiguration<BatchEntry>
{
    public void Configure(EntityTypeBuilder<BatchEntry> b)
    {
        b.ToTable("batch_entries");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Staged);
        b.Ignore(x => x.FileKeys);
        b.Ignore(x => x.FileFolder);
        b.HasIndex(x => new { x.BatchId, x.EntryName }).IsUnique();
        b.HasOne<Batch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
