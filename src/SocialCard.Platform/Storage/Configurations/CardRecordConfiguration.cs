using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class CardRecordConfiguration : IEntityTypeConfiguration<CardRecord>
{
    public void Configure(EntityTypeBuilder<CardRecord> b)
    {
        b.ToTable("card_records");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.PendingChanges);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.PersonalNumber);
        b.HasIndex(x => x.State);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.ApplicationId);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
