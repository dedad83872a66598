using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class SmsMessageConfiguration(FieldProtector protector) : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> b)
    {
        b.ToTable("sms_outbox");
        b.HasKey(x => x.Id);
        b.Property(x => x.Phone).HasConversion(new ProtectedStringConverter(protector));
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.DedupKey).IsUnique();
        b.HasIndex(x => x.State);
    }
}
