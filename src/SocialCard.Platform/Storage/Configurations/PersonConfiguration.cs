using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Storage.Configurations;

internal sealed class PersonConfiguration(FieldProtector protector) : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.HasKey(x => x.Id);
        b.Property(x => x.IdType).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Gender).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.IdNumber).HasConversion(new ProtectedStringConverter(protector));
        b.Property(x => x.Phone).HasConversion((ValueConverter)new ProtectedStringConverter(protector));
        b.Property(x => x.CountryCode).HasMaxLength(3);
        b.Property(x => x.PersonalNumber).HasMaxLength(10);
        b.Property(x => x.Name).HasConversion(new ProtectedStringConverter(protector));
        b.Property(x => x.SocialSecurityNumber).HasConversion((ValueConverter)new ProtectedStringConverter(protector));
        b.Property(x => x.BirthDate).HasConversion(new ProtectedDateConverter(protector));
        b.HasIndex(x => x.SocialSecurityNumberHash);
        b.HasIndex(x => x.PersonalNumber).IsUnique();
        // Hash first: exact look-ups by ID number use this index without knowing the type.
        b.HasIndex(x => new { x.IdNumberHash, x.IdType, x.CountryCode }).IsUnique();
        b.HasIndex(x => x.PhoneHash);
        b.HasIndex(x => x.UnitId);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
