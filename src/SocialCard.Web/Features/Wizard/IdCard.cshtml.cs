using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Step 8: front and back of the ID card, each checked by <see cref="IdCardImageChecker"/>. A side already
/// accepted need not be uploaded again. Holders of a passport or another document never come here
/// (<see cref="WizardDraft.Applies"/>): the step bar leaves the step out for them.</summary>
public sealed class IdCardModel(IWizardDraftStore drafts, TimeProvider clock, IdCardImageChecker checker) : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.IdCard;

    public List<(string Side, IdCardImageCheck Check)> Checks { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        byte[]? front = await CheckAsync("front", "Front", cancellationToken).ConfigureAwait(false);
        byte[]? back = await CheckAsync("back", "Back", cancellationToken).ConfigureAwait(false);
        if (front is not null)
        {
            Draft.IdCardFront = front;
        }

        if (back is not null)
        {
            Draft.IdCardBack = back;
        }

        if (Draft.IdCardFront is null && !ModelState.ContainsKey("Front"))
        {
            AddError("Front", "请上传身份证正面图片。", "Upload the front of the ID card.");
        }

        if (Draft.IdCardBack is null && !ModelState.ContainsKey("Back"))
        {
            AddError("Back", "请上传身份证背面图片。", "Upload the back of the ID card.");
        }

        Save();
        return ModelState.IsValid ? Complete() : Page();
    }

    private async Task<byte[]?> CheckAsync(string side, string field, CancellationToken cancellationToken)
    {
        IFormFile? file = Request.Form.Files.GetFile(field);
        if (file is null || file.Length == 0)
        {
            return null;
        }

        if (file.Length > PhotoModel.MaxUploadBytes)
        {
            AddError(field, "文件过大（最大 12MB）。", "The file is too large (12 MB at most).");
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        IdCardImageCheck check = checker.Check(buffer.ToArray());
        Checks.Add((side, check));
        if (!check.Passed)
        {
            string zh = side == "front" ? "身份证正面图片不符合要求。" : "身份证背面图片不符合要求。";
            string en = side == "front" ? "The front image does not meet the requirements." : "The back image does not meet the requirements.";
            AddError(field, zh, en);
            return null;
        }

        return check.Jpeg;
    }
}
