using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class ChangeSessionConfiguration : IEntityTypeConfiguration<ChangeSession>
{
    public void Configure(EntityTypeBuilder<ChangeSession> b)
    {
        b.ToTable("change_sessions");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.IsVerified);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.ExpiresAt);
    }
}
