using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class SmsVerificationConfiguration : IEntityTypeConfiguration<SmsVerification>
{
    public void Configure(EntityTypeBuilder<SmsVerification> b)
    {
        b.ToTable("sms_verifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Purpose).HasMaxLength(32);
        b.HasIndex(x => new { x.PhoneHash, x.CreatedAt });
    }
}
