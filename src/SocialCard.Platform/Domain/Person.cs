namespace SocialCard.Platform.Domain;

/// <summary>参保人员 / an insured person. <see cref="IdNumber"/>, <see cref="Phone"/>, <see cref="Name"/>,
/// <see cref="SocialSecurityNumber"/> and <see cref="BirthDate"/> are encrypted at rest; exact lookups go through keyed
/// hashes that storage computes.</summary>
public sealed class Person
{
    private Person()
    {
        IdNumber = string.Empty;
        PersonalNumber = string.Empty;
        Name = string.Empty;
        Nationality = string.Empty;
        CountryCode = string.Empty;
    }

    public Person(IdType idType, string idNumber, string countryCode, string personalNumber, string name, Gender gender,
        DateOnly birthDate, string nationality)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(personalNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        IdType = idType;
        IdNumber = idNumber.ToUpperInvariant();
        CountryCode = countryCode;
        PersonalNumber = personalNumber;
        Name = name;
        Gender = gender;
        BirthDate = birthDate;
        Nationality = nationality;
    }

    public long Id { get; private set; }

    public IdType IdType { get; private set; }

    /// <summary>证件号码 (plain in memory, AES-GCM at rest).</summary>
    public string IdNumber { get; private set; }

    /// <summary>HMAC-SHA256 of the normalised ID number, set by storage on save.</summary>
    public byte[]? IdNumberHash { get; internal set; }

    /// <summary>Issuing country (ISO 3166-1 alpha-3, CHN for resident IDs).</summary>
    public string CountryCode { get; private set; }

    /// <summary>社保号码 / social security number (plain in memory, AES-GCM at rest).</summary>
    public string? SocialSecurityNumber { get; set; }

    /// <summary>HMAC-SHA256 of the social security number, set by storage on save.</summary>
    public byte[]? SocialSecurityNumberHash { get; internal set; }

    /// <summary>10 位市社保个人编号 / 10-digit city personal number; the photo file name.</summary>
    public string PersonalNumber { get; private set; }

    public string Name { get; set; }

    public Gender Gender { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public string Nationality { get; set; }

    /// <summary>手机号码 (plain in memory, AES-GCM at rest).</summary>
    public string? Phone { get; set; }

    /// <summary>HMAC-SHA256 of the phone number, set by storage on save.</summary>
    public byte[]? PhoneHash { get; internal set; }

    /// <summary>现今工作单位 / current work unit (any level); decides the bank.</summary>
    public long? UnitId { get; private set; }

    public Unit? Unit { get; private set; }

    public void MoveToUnit(Unit unit)
    {
        Unit = unit;
        UnitId = unit.Id == 0 ? null : unit.Id;
    }
}
