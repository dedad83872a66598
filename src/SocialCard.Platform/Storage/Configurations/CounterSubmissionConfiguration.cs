using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class CounterSubmissionConfiguration : IEntityTypeConfiguration<CounterSubmission>
{
    public void Configure(EntityTypeBuilder<CounterSubmission> b)
    {
        b.ToTable("counter_submissions");
        b.HasKey(x => x.Id);
        b.Property(x => x.StaffActor).HasMaxLength(100);
        b.HasIndex(x => new { x.UnitId, x.ReceivedAt });
        b.HasIndex(x => x.PersonId);
    }
}
