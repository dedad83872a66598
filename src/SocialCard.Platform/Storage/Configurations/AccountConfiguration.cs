using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Storage.Configurations;

/// <summary>Staff and unit accounts share one table, told apart by "kind".</summary>
internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("accounts");
        b.HasKey(x => x.Id);
        b.HasDiscriminator<string>("Kind").HasValue<StaffAccount>("staff").HasValue<UnitAccount>("unit");
        b.Property<string>("Kind").HasMaxLength(8);
        b.HasIndex("Kind", nameof(Account.LoginName)).IsUnique();
    }
}
