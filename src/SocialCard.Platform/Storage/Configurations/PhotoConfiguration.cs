using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class PhotoConfiguration(FieldProtector protector) : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> b)
    {
        b.ToTable("photos");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Staged);
        b.Ignore(x => x.FileKeys);
        b.Ignore(x => x.FileFolder);
        b.Ignore(x => x.HasFixed);
        b.Ignore(x => x.CardVersionKey);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Verdict).HasConversion<string>().HasMaxLength(16);
        // The processed-photo key: re-running a batch job finds the row instead of inserting a second one.
        b.HasIndex(x => new { x.BatchId, x.EntryName }).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.ContentHash);
        b.Property(x => x.FaceDescriptor).HasConversion((ValueConverter)new ProtectedStringConverter(protector)); // biometric: sealed
    }
}
