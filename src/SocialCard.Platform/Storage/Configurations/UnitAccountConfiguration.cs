using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class UnitAccountConfiguration : IEntityTypeConfiguration<UnitAccount>
{
    public void Configure(EntityTypeBuilder<UnitAccount> b)
    {
        b.Property(x => x.UnitRole).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ClerkLogin).HasMaxLength(32);
        b.Property(x => x.ClerkName).HasMaxLength(50);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
