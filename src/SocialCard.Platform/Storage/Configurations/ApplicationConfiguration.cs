using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class ApplicationConfiguration(FieldProtector protector) : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("applications");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Staged);
        b.Ignore(x => x.FileKeys);
        b.Ignore(x => x.FileFolder);
        b.Ignore(x => x.HasIdImages);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.WizardState).HasConversion((ValueConverter)new ProtectedStringConverter(protector));
        b.Property(x => x.HouseholdAddress).HasConversion((ValueConverter)new ProtectedStringConverter(protector));
        b.Property(x => x.ResidentialAddress).HasConversion((ValueConverter)new ProtectedStringConverter(protector));
        b.HasIndex(x => x.DraftTokenHash).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => new { x.State, x.EditableUntil });
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
