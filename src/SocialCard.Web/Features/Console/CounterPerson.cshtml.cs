using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialCard.Photos.Profiles;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Features.Portal;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// One person at the counter: the full record (the read is audited) to check against the paper forms, the scan of the
/// paper photo with the forms received, the pre-review's verdict in clerk words (measures behind 详情) with what to
/// do about the scan. A photo whose every failure is one the fix repairs (<see cref="Photos.Fixes.FixCapability"/>) is
/// run through the fix at once: offered (before/after, the re-check) when it succeeds, otherwise the clerk reads why
/// not; the accepted fixed photo is recorded as a new counter submission with the same forms. Nothing is kept between requests but what the Platform stores.
/// </summary>
[Authorize(Policy = AuthPolicies.Counter)]
public sealed class CounterPersonModel(CounterDesk desk, PhotoFixService fixer, IOptions<CentreOptions> centre, IOptions<SecurityOptions> security,
    UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Unit { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    [BindProperty]
    public bool ApplicationForm { get; set; }

    [BindProperty]
    public bool CollectionForm { get; set; }

    public CounterPersonView? View { get; private set; }

    public CounterSubmitted? Submitted { get; private set; }

    public IReadOnlyList<string> ScanAdvice { get; private set; } = [];

    public PhotoFixResponse? Fix { get; private set; }

    public long? FixSubmissionId { get; private set; }

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? photo, CancellationToken cancellationToken)
    {
        if (photo is not { Length: > 0 } || photo.Length > security.Value.MaxPhotoBytes)
        {
            string limit = (security.Value.MaxPhotoBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
            UiTextEntry words = text.Both("console.counter.nofile");
            return await ShowErrorsAsync([new ValidationError("photo", string.Format(CultureInfo.InvariantCulture, words.Zh, limit),
                string.Format(CultureInfo.InvariantCulture, words.En, limit))], cancellationToken);
        }

        return await SubmitAsync(await Portal.IndexModel.ReadAsync(photo, cancellationToken), ApplicationForm, CollectionForm, cancellationToken);
    }

    /// <summary>Fixes the photo again (the same input gives the same output) and records the result as a new counter
    /// submission with the forms of the original one.</summary>
    public async Task<IActionResult> OnPostAcceptFixAsync(long submission, CancellationToken cancellationToken)
    {
        if (!fixer.IsAvailable || await desk.FixSourceAsync(Unit, submission, cancellationToken) is not { } source || source.PersonalNumber != Number.Trim())
        {
            return NotFound();
        }

        PhotoFixResponse result = RunFix(source);
        if (!result.Success || result.JpegBase64 is null)
        {
            (Fix, FixSubmissionId) = (result, submission);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        return await SubmitAsync(Convert.FromBase64String(result.JpegBase64), source.ApplicationFormReceived, source.CollectionFormReceived, cancellationToken);
    }

    private PhotoFixResponse RunFix(CounterFixSource source) =>
        fixer.Fix(source.Original, source.PersonalNumber + ".jpg", SpecProfiles.Get(centre.Value.PhotoProfile), source.PersonalNumber)
        ?? throw new InvalidOperationException("The photo fixer became unavailable.");

    private async Task<IActionResult> SubmitAsync(byte[] bytes, bool applicationForm, bool collectionForm, CancellationToken cancellationToken)
    {
        var result = await desk.SubmitAsync(new CounterIntake(Unit, Number, bytes, applicationForm, collectionForm), centre.Value.PhotoProfile,
            User.AuditActor(), cancellationToken);
        if (!result.Succeeded)
        {
            return await ShowErrorsAsync(result.Errors, cancellationToken);
        }

        Submitted = result.Value;
        ScanAdvice = CounterScanAdvice.For(Submitted!.Review.Findings);
        if (fixer.IsAvailable && PhotoFinding.FixCanRepair(Submitted.Review.Findings)
            && await desk.FixSourceAsync(Unit, Submitted.SubmissionId, cancellationToken) is { } source)
        {
            // Only failures the fix's own list can repair are tried, right away: the clerk sees the result, or why not.
            (Fix, FixSubmissionId) = (RunFix(source), Submitted.SubmissionId);
        }

        (ApplicationForm, CollectionForm) = (false, false);
        ModelState.Clear();
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<IActionResult> ShowErrorsAsync(IReadOnlyList<ValidationError> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Unit) || string.IsNullOrWhiteSpace(Number))
        {
            return false;
        }

        (Unit, Number) = (Unit.Trim(), Number.Trim());
        View = await desk.PersonAsync(Unit, Number, User.AuditActor(), cancellationToken);
        return View is not null;
    }
}
