namespace SocialCard.Web.Features.RegistrationForm;

/// <summary>Everything an applicant's registration form prints about them, already resolved to display text.</summary>
public sealed record RegistrationFormData
{
    public required string ApplicationReference { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required string Name { get; init; }
    public required string Gender { get; init; }
    public required string Nationality { get; init; }
    /// <summary>"居民身份证(户口簿)" or "护照".</summary>
    public required string IdTypeName { get; init; }
    public required string IdNumber { get; init; }
    public required DateOnly IdValidFrom { get; init; }
    /// <summary>Null = 长期 (long-term).</summary>
    public DateOnly? IdValidUntil { get; init; }
    public required string IdIssuingAuthority { get; init; }
    public required string SocialSecurityNumber { get; init; }
    public required string Mobile { get; init; }
    public required string InsuredUnitCode { get; init; }
    public required string InsuredUnitName { get; init; }
    /// <summary>现今工作单位 (printed as 部门), with optional second and third levels.</summary>
    public required string WorkUnit { get; init; }
    public string? WorkUnitLevel2 { get; init; }
    public string? WorkUnitLevel3 { get; init; }
    public required string BankName { get; init; }
    public required string BankBranch { get; init; }
    public required string HouseholdAddress { get; init; }
    public required string ResidentialAddress { get; init; }
    public required string PostalCode { get; init; }
    public required string OccupationCode { get; init; }
    public required string OccupationName { get; init; }
    public required string EducationCode { get; init; }
    public required string EducationName { get; init; }
    /// <summary>JPEG of the card photo, or null when none is on file.</summary>
    public byte[]? PhotoJpeg { get; init; }
    public byte[]? IdCardFrontJpeg { get; init; }
    public byte[]? IdCardBackJpeg { get; init; }
    public IReadOnlyList<CodeLegendEntry> OccupationLegend { get; init; } = [];
    public IReadOnlyList<CodeLegendEntry> EducationLegend { get; init; } = [];
}
