namespace SocialCard.Platform.Domain;

/// <summary>The data of the Chengdu collection wizard (seed 004) as the applicant enters it.</summary>
public sealed record ApplicationForm
{
    /// <summary>证件发证机关 (签发机关 on the back of the ID card).</summary>
    public string? IdIssuingAuthority { get; init; }

    public DateOnly? IdValidFrom { get; init; }

    /// <summary>Null together with <see cref="IdValidLongTerm"/> = 长期.</summary>
    public DateOnly? IdValidUntil { get; init; }

    public bool IdValidLongTerm { get; init; }

    /// <summary>户口所在地址.</summary>
    public string? HouseholdAddress { get; init; }

    /// <summary>常住地址.</summary>
    public string? ResidentialAddress { get; init; }

    public string? PostalCode { get; init; }

    public string? Phone { get; init; }

    /// <summary>GB/T 6565 major group.</summary>
    public string? OccupationCode { get; init; }

    /// <summary>GB/T 4658 code.</summary>
    public string? EducationCode { get; init; }
}
