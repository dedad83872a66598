using SocialCard.Platform.Domain;

namespace SocialCard.Platform;

/// <summary>
/// A finished wizard draft as the Platform submits it: whose it is (the person and the phone on file the applicant
/// proved with an SMS code), the units, the form, the photo and the ID-card images. The wizard maps its draft into this
/// once; every rule about what may be submitted is the Platform's (<see cref="ApplicationService.SubmitAsync"/>).
/// </summary>
public sealed record ApplicationSubmission
{
    /// <summary>The wizard's draft token: the draft's application row is submitted in place.</summary>
    public required string DraftToken { get; init; }

    public required long PersonId { get; init; }

    /// <summary>The phone on file the SMS code was verified for.</summary>
    public required string? VerifiedPhone { get; init; }

    /// <summary>The person the code was verified for.</summary>
    public required long? VerifiedPersonId { get; init; }

    /// <summary>参保单位 as the registry had it when the wizard found the person.</summary>
    public long? InsuredUnitId { get; init; }

    /// <summary>现今工作单位, the deepest level chosen: it decides the bank.</summary>
    public required long? WorkUnitId { get; init; }

    public string? Nationality { get; init; }

    public required ApplicationForm Form { get; init; }

    /// <summary>The uploaded photo with its pre-review; null when the applicant keeps the passed photo on file.</summary>
    public ApplicantPhoto? Photo { get; init; }

    public required byte[]? IdFront { get; init; }

    public required byte[]? IdBack { get; init; }
}
