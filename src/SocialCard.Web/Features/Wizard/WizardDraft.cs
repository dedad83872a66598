using System.Text.Json;
using System.Text.Json.Serialization;
using SocialCard.Platform;
using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Everything entered so far, kept on the server (keyed by an opaque cookie) so a refresh, the back button, another
/// node or a restart loses nothing: from the identity step on it is a Platform <see cref="Application"/> in state Draft
/// (<see cref="PlatformWizardDraftStore"/>), submitted in place. The images travel outside the JSON.
/// </summary>
public sealed class WizardDraft
{
    public WizardDraft(string id, DateTimeOffset createdAt)
    {
        Id = id;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public string Id { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Steps completed (validated and saved).</summary>
    public HashSet<WizardStep> Done { get; init; } = [];

    /// <summary>Whether the draft has an application row (set by the store).</summary>
    [JsonIgnore]
    public bool IsStored { get; set; }

    // Identity
    public IdType IdType { get; set; } = IdType.ResidentId;

    public string CountryCode { get; set; } = "CHN";

    public string? IdNumber { get; set; }

    public RegistryPerson? Person { get; set; }

    // Mobile: the code goes to the phone on file for the ID number (or to a stand-in when there is none, so that an
    // unknown ID number answers like a known one); the applicant never chooses the number.
    public string? Mobile { get; set; }

    public string? VerifiedMobile { get; set; }

    /// <summary>The person whose phone on file <see cref="VerifiedMobile"/> was verified for.</summary>
    public long? VerifiedPersonId { get; set; }

    /// <summary>
    /// True once the visitor has entered the code sent to the phone on file of the person found for the ID number:
    /// nothing personal (name, social security number, photo on file) is shown before.
    /// </summary>
    public bool HasProvenIdentity =>
        Person is { Phone: { } phone } person && VerifiedPersonId == person.PersonId && string.Equals(VerifiedMobile, phone, StringComparison.Ordinal);

    /// <summary>True when <see cref="Mobile"/> is the phone on file of <see cref="Person"/> (not a stand-in).</summary>
    public bool HasPhoneOnFile => Person is { Phone: { } phone } && string.Equals(Mobile, phone, StringComparison.Ordinal);

    // Unit
    public long? WorkUnitId { get; set; }

    public long? WorkUnitLevel2Id { get; set; }

    public long? WorkUnitLevel3Id { get; set; }

    public string? Nationality { get; set; }

    // Personal
    public string? IdIssuingAuthority { get; set; }

    public DateOnly? IdValidFrom { get; set; }

    public DateOnly? IdValidUntil { get; set; }

    public bool IdValidLongTerm { get; set; }

    public string? HouseholdAddress { get; set; }

    public string? ResidentialAddress { get; set; }

    public string? PostalCode { get; set; }

    // Photo
    public bool KeepPhotoOnFile { get; set; }

    /// <summary>The uploaded (or fixed) photo that will be printed and sent.</summary>
    [JsonIgnore]
    public byte[]? Photo { get; set; }

    /// <summary>The last upload as received, kept so the one-click fix works from the original.</summary>
    [JsonIgnore]
    public byte[]? PhotoOriginal { get; set; }

    public PhotoPreReview? PhotoPreReview { get; set; }

    // ID card images
    [JsonIgnore]
    public byte[]? IdCardFront { get; set; }

    [JsonIgnore]
    public byte[]? IdCardBack { get; set; }

    // Occupation
    public string? OccupationCode { get; set; }

    public string? EducationCode { get; set; }

    // Result
    public long? ApplicationId { get; set; }

    public string? Reference { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsDone(WizardStep step) => Done.Contains(step);

    /// <summary>The draft's fields (not its images) as JSON: what the store keeps in the application row, or the cookie
    /// carries while there is no row.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WizardDraft? FromJson(string json) => JsonSerializer.Deserialize<WizardDraft>(json, Json);

    /// <summary>A copy of the draft's fields (not its images) under another token.</summary>
    public WizardDraft WithId(string id)
    {
        System.Text.Json.Nodes.JsonNode node = System.Text.Json.Nodes.JsonNode.Parse(ToJson())!;
        node["id"] = id;
        return FromJson(node.ToJsonString(Json))!;
    }

    /// <summary>The draft as the Platform submits it (the one mapping of the wizard's form).</summary>
    public ApplicationSubmission ToSubmission() => new()
    {
        DraftToken = Id,
        PersonId = Person?.PersonId ?? throw new SocialCardDomainException("申请草稿已过期，请重新填写。", "The draft has expired; please start again."),
        VerifiedPhone = VerifiedMobile,
        VerifiedPersonId = VerifiedPersonId,
        InsuredUnitId = Person.InsuredUnit?.Id,
        WorkUnitId = WorkUnitLevel3Id ?? WorkUnitLevel2Id ?? WorkUnitId,
        Nationality = Nationality,
        Form = ToForm(),
        Photo = KeepPhotoOnFile ? null : (PhotoOriginal ?? Photo) is { } original
            ? new ApplicantPhoto(original, Photo, ReviewJson(PhotoPreReview), PhotoPreReview?.NeedsReview == true)
            : throw new SocialCardDomainException("请上传照片。", "Upload a photo."),
        IdFront = Applies(WizardStep.IdCard) ? IdCardFront : null,
        IdBack = Applies(WizardStep.IdCard) ? IdCardBack : null,
    };

    /// <summary>The form fields the applicant entered (the phone is the verified one on file).</summary>
    public ApplicationForm ToForm() => new()
    {
        IdIssuingAuthority = IdIssuingAuthority,
        IdValidFrom = IdValidFrom,
        IdValidUntil = IdValidUntil,
        IdValidLongTerm = IdValidLongTerm,
        HouseholdAddress = HouseholdAddress,
        ResidentialAddress = ResidentialAddress,
        PostalCode = PostalCode,
        Phone = VerifiedMobile,
        OccupationCode = OccupationCode,
        EducationCode = EducationCode,
    };

    /// <summary>The pre-review's findings as the Platform keeps them with the photo.</summary>
    internal static string ReviewJson(PhotoPreReview? review) =>
        review is null ? "[]" : JsonSerializer.Serialize(review.Items.Select(i => new { rule = i.RuleId, passed = i.Passed, zh = i.Zh, en = i.En }));

    /// <summary>The first step not yet completed (Summary when all are).</summary>
    /// <summary>Whether this applicant goes through the step: only resident ID card holders show their card.</summary>
    public bool Applies(WizardStep step) => step != WizardStep.IdCard || IdType == IdType.ResidentId;

    /// <summary>The steps this applicant goes through, in order: what the step bar shows and counts.</summary>
    public IReadOnlyList<WizardStepInfo> Steps() => [.. WizardSteps.All.Where(info => Applies(info.Step))];

    /// <summary>The step after <paramref name="step"/> that this applicant goes through.</summary>
    public WizardStep NextStep(WizardStep step)
    {
        foreach (WizardStepInfo info in WizardSteps.All)
        {
            if (info.Step > step && Applies(info.Step))
            {
                return info.Step;
            }
        }

        return WizardStep.Summary;
    }

    /// <summary>The step before <paramref name="step"/> that this applicant goes through (for the back links).</summary>
    public WizardStep PreviousStep(WizardStep step)
    {
        WizardStep previous = WizardStep.Notice;
        foreach (WizardStepInfo info in WizardSteps.All)
        {
            if (info.Step >= step)
            {
                break;
            }

            if (Applies(info.Step))
            {
                previous = info.Step;
            }
        }

        return previous;
    }

    public WizardStep FirstOpenStep()
    {
        foreach (WizardStepInfo info in WizardSteps.All)
        {
            if (info.Step != WizardStep.Summary && Applies(info.Step) && !Done.Contains(info.Step))
            {
                return info.Step;
            }
        }

        return WizardStep.Summary;
    }
}
