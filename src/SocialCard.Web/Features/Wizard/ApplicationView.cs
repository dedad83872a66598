using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Features.Wizard;

/// <summary>A stored application with everything the summary, the change page and the PDF show.</summary>
public sealed record ApplicationView
{
    public required long Id { get; init; }
    public required string Reference { get; init; }
    public required ApplicationState State { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset EditableUntil { get; init; }
    public required IdType IdType { get; init; }
    public required string IdNumber { get; init; }
    public required string Name { get; init; }
    public required Gender Gender { get; init; }
    public required string Nationality { get; init; }
    public required string SocialSecurityNumber { get; init; }
    public required string? Phone { get; init; }
    public required UnitChoice? InsuredUnit { get; init; }
    /// <summary>现今工作单位 path from the top (1 to 3 units).</summary>
    public required IReadOnlyList<UnitChoice> WorkUnitPath { get; init; }
    public required string? BankCode { get; init; }
    public required string? BankBranch { get; init; }
    public required string? IdIssuingAuthority { get; init; }
    public required DateOnly? IdValidFrom { get; init; }
    public required DateOnly? IdValidUntil { get; init; }
    public required bool IdValidLongTerm { get; init; }
    public required string? HouseholdAddress { get; init; }
    public required string? ResidentialAddress { get; init; }
    public required string? PostalCode { get; init; }
    public required string? OccupationCode { get; init; }
    public required string? EducationCode { get; init; }
    public required byte[]? Photo { get; init; }
    /// <summary>The photo waits for a look by centre staff (a reading too close to a limit, or a face like another
    /// person's on file; the applicant is never told whose).</summary>
    public bool PhotoNeedsReview { get; init; }
    public required byte[]? IdFront { get; init; }
    public required byte[]? IdBack { get; init; }

    public bool IsEditable(DateTimeOffset now) => State == ApplicationState.Submitted && now < EditableUntil;

    /// <summary>The applicant-facing reference: random-looking, not sequential (<see cref="ApplicationReference"/>).</summary>
    public static string ReferenceFor(long id, FieldProtector protector) => ApplicationReference.For(id, protector);
}
