using SocialCard.Platform.Domain.Codes;

namespace SocialCard.Platform.Domain;

/// <summary>申办登记 / one registration through the collection wizard. Editable until 24 hours after submission,
/// then locked and handed over. Its images (ID card sides, the draft photo) live in the encrypted file store; the row
/// keeps their keys and new ones are written when the row is saved.</summary>
public sealed class Application : IFileBacked
{
    public const string IdFrontSlot = "id-front";
    public const string IdBackSlot = "id-back";
    public const string DraftPhotoSlot = "draft-photo";
    public const string DraftPhotoOriginalSlot = "draft-photo-original";

    /// <summary>How long a submitted application stays editable (seed 004: 24 小时内可修改).</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromHours(24);

    private Application()
    {
    }

    public Application(Person person, DateTimeOffset createdAt)
    {
        Person = person;
        PersonId = person.Id;
        CreatedAt = createdAt;
        State = ApplicationState.Draft;
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    public Person? Person { get; private set; }

    public ApplicationState State { get; private set; }

    public string? IdIssuingAuthority { get; private set; }

    public DateOnly? IdValidFrom { get; private set; }

    public DateOnly? IdValidUntil { get; private set; }

    public bool IdValidLongTerm { get; private set; }

    public string? HouseholdAddress { get; private set; }

    public string? ResidentialAddress { get; private set; }

    public string? PostalCode { get; private set; }

    public string? OccupationCode { get; private set; }

    public string? EducationCode { get; private set; }

    /// <summary>开户银行, resolved from the current work unit when submitted.</summary>
    public string? BankCode { get; private set; }

    public string? BankBranch { get; private set; }

    public long? PhotoId { get; private set; }

    /// <summary>参保单位 as the registry had it at submission (the person's own unit may change later).</summary>
    public long? InsuredUnitId { get; private set; }

    /// <summary>现今工作单位 (the deepest level chosen): it decides <see cref="BankCode"/>.</summary>
    public long? WorkUnitId { get; private set; }

    /// <summary>身份证正面图片: its key in the file store.</summary>
    public string? IdFrontKey { get; private set; }

    /// <summary>身份证背面图片: its key in the file store.</summary>
    public string? IdBackKey { get; private set; }

    /// <summary>True when both ID card sides are on file (or about to be stored).</summary>
    public bool HasIdImages => HasFile(IdFrontSlot) && HasFile(IdBackSlot);

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? EditableUntil { get; private set; }

    public DateTimeOffset? HandedOverAt { get; private set; }

    /// <summary>Keyed hash of the wizard's draft token (its cookie): how the applicant's browser finds the draft on any node.</summary>
    public byte[]? DraftTokenHash { get; private set; }

    /// <summary>The wizard's progress on this application (steps done, verified phone, chosen unit, photo pre-review),
    /// as the wizard serialises it; encrypted at rest.</summary>
    public string? WizardState { get; private set; }

    /// <summary>The photo chosen in the wizard before submission (the fixed one when the applicant took the fix): its key.</summary>
    public string? DraftPhotoKey { get; private set; }

    /// <summary>The last upload as received, so the one-click fix works from the original: its key.</summary>
    public string? DraftPhotoOriginalKey { get; private set; }

    public string FileFolder => "applications";

    public StagedFiles Staged { get; } = new();

    public IEnumerable<string> FileKeys => new[] { IdFrontKey, IdBackKey, DraftPhotoKey, DraftPhotoOriginalKey }.OfType<string>();

    /// <summary>Last write through the wizard; stale drafts expire from here.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>A draft started by the wizard's identity step for <paramref name="person"/>.</summary>
    public static Application StartDraft(Person person, byte[] draftTokenHash, DateTimeOffset now) =>
        new(person, now) { DraftTokenHash = draftTokenHash, UpdatedAt = now };

    /// <summary>Moves a draft to another draft token (the applicant continues it from another browser).</summary>
    public void ContinueDraftUnder(byte[] draftTokenHash, DateTimeOffset now)
    {
        if (State != ApplicationState.Draft)
        {
            DomainThrowHelper.Throw("只有未提交的申请草稿可以继续填写。", "Only a draft that has not been submitted can be continued.");
        }

        DraftTokenHash = draftTokenHash;
        UpdatedAt = now;
    }

    /// <summary>Saves the wizard's progress. The images change only while the application is a draft.</summary>
    public void SaveDraft(string wizardState, ApplicationDraftImages images, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(images);
        WizardState = wizardState;
        UpdatedAt = now;
        if (State == ApplicationState.Draft)
        {
            Staged.Stage(DraftPhotoSlot, images.Photo);
            Staged.Stage(DraftPhotoOriginalSlot, images.PhotoOriginal);
            Staged.Stage(IdFrontSlot, images.IdFront);
            Staged.Stage(IdBackSlot, images.IdBack);
        }
    }

    public bool IsEditable(DateTimeOffset now) =>
        State == ApplicationState.Draft || (State == ApplicationState.Submitted && now < EditableUntil);

    /// <summary>Writes the form into the application. Validate first: this only enforces the edit window.</summary>
    public void Apply(ApplicationForm form, DateTimeOffset now)
    {
        EnsureEditable(now);
        IdIssuingAuthority = form.IdIssuingAuthority?.Trim();
        IdValidFrom = form.IdValidFrom;
        IdValidUntil = form.IdValidLongTerm ? null : form.IdValidUntil;
        IdValidLongTerm = form.IdValidLongTerm;
        HouseholdAddress = form.HouseholdAddress?.Trim();
        ResidentialAddress = form.ResidentialAddress?.Trim();
        PostalCode = form.PostalCode?.Trim();
        OccupationCode = OccupationCodes.Normalize(form.OccupationCode);
        EducationCode = form.EducationCode?.Trim();
    }

    public void AttachIdImages(byte[] front, byte[] back, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(back);
        EnsureEditable(now);
        Staged.Stage(IdFrontSlot, front);
        Staged.Stage(IdBackSlot, back);
    }

    public void AttachPhoto(long photoId, DateTimeOffset now)
    {
        EnsureEditable(now);
        PhotoId = photoId;
    }

    /// <summary>Records the insured unit and the work unit. The bank follows the work unit: pass it to
    /// <see cref="Submit"/>.</summary>
    public void AssignUnits(long? insuredUnitId, long workUnitId, DateTimeOffset now)
    {
        EnsureEditable(now);
        InsuredUnitId = insuredUnitId;
        WorkUnitId = workUnitId;
    }

    /// <summary>Another work unit inside the 24-hour window of a submitted application: the bank follows it.</summary>
    public void ChangeWorkUnit(long workUnitId, string bankCode, string? bankBranch, DateTimeOffset now)
    {
        if (State != ApplicationState.Submitted)
        {
            DomainThrowHelper.Throw("只有已提交的申请可以修改工作单位。", "Only a submitted application's work unit can be changed.");
        }

        EnsureEditable(now);
        WorkUnitId = workUnitId;
        BankCode = bankCode;
        BankBranch = bankBranch;
    }

    /// <summary>Submits a draft, fixing the bank from the person's unit and opening the 24-hour edit window.</summary>
    /// <param name="idImagesRequired">False for a passport (or other non-ID-card) holder, who has no Chinese ID card to show.</param>
    public void Submit(string bankCode, string? bankBranch, DateTimeOffset now, bool idImagesRequired = true)
    {
        if (State != ApplicationState.Draft)
        {
            DomainThrowHelper.Throw("该申请已提交，不能重复提交。", "This application has already been submitted.");
        }

        if (idImagesRequired && !HasIdImages)
        {
            DomainThrowHelper.Throw("请上传身份证正面和背面图片。", "Upload the front and back images of the ID card.");
        }

        BankCode = bankCode;
        BankBranch = bankBranch;
        Staged.Stage(DraftPhotoSlot, null);
        Staged.Stage(DraftPhotoOriginalSlot, null);
        State = ApplicationState.Submitted;
        SubmittedAt = now;
        EditableUntil = now + EditWindow;
    }

    /// <summary>Takes back a submitted application inside its edit window; it is never handed over.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        if (State != ApplicationState.Submitted || now >= EditableUntil)
        {
            DomainThrowHelper.Throw("只有24小时修改期内的已提交申请才能撤回。", "Only a submitted application inside its 24-hour window can be withdrawn.");
        }

        State = ApplicationState.Withdrawn;
        EditableUntil = now;
        // Never handed over: the ID card images are not kept.
        Staged.Stage(IdFrontSlot, null);
        Staged.Stage(IdBackSlot, null);
    }

    /// <summary>Locks the application and hands it over once the edit window has ended.</summary>
    public void HandOver(DateTimeOffset now)
    {
        if (State != ApplicationState.Submitted)
        {
            DomainThrowHelper.Throw("只有已提交的申请才能移交。", "Only a submitted application can be handed over.");
        }

        if (now < EditableUntil)
        {
            DomainThrowHelper.Throw("24小时修改期尚未结束，不能移交。", "The 24-hour edit window has not ended yet.");
        }

        State = ApplicationState.HandedOver;
        HandedOverAt = now;
    }

    public string? GetFileKey(string slot) => slot switch
    {
        IdFrontSlot => IdFrontKey,
        IdBackSlot => IdBackKey,
        DraftPhotoSlot => DraftPhotoKey,
        DraftPhotoOriginalSlot => DraftPhotoOriginalKey,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, null),
    };

    public void SetFileKey(string slot, string? key)
    {
        switch (slot)
        {
            case IdFrontSlot:
                IdFrontKey = key;
                break;
            case IdBackSlot:
                IdBackKey = key;
                break;
            case DraftPhotoSlot:
                DraftPhotoKey = key;
                break;
            case DraftPhotoOriginalSlot:
                DraftPhotoOriginalKey = key;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(slot), slot, null);
        }
    }

    private bool HasFile(string slot) => Staged.TryGet(slot, out var staged) ? staged is not null : GetFileKey(slot) is not null;

    private void EnsureEditable(DateTimeOffset now)
    {
        if (!IsEditable(now))
        {
            DomainThrowHelper.Throw("提交已超过24小时，信息已移交社保局，不能再修改。",
                "More than 24 hours have passed since submission; the data has been handed over and can no longer be changed.");
        }
    }
}
