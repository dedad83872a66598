using System.Net;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.Wizard;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>更换照片 on the change page: the wizard's photo check, only a passing photo replaces the application's,
/// only inside the 24-hour window.</summary>
public sealed class ChangePhotoTests : IAsyncLifetime
{
    private readonly ApplicantSite _site = new();

    public Task InitializeAsync() => _site.EnsureSeededAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_new_photo_is_pre_reviewed_and_replaces_the_old_one_only_when_it_passes_and_only_within_24_hours()
    {
        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.SubmitAsync();
        ApplicationView submitted = (await _site.Applications.FindLatestAsync(IdType.ResidentId, "CHN", ApplicantData.ApplicantId, default))!;
        Assert.Equal(WizardFlow.CompliantPhoto(), submitted.Photo);

        WizardClient client = await ChangeWindowTests.SignInToChangeAsync(_site);
        Assert.Contains("id=\"photo-form\"", await client.GetHtmlAsync("/apply/change"), StringComparison.Ordinal);

        // A photo that fails the pre-review (coloured background) is refused with its reasons; the photo stays.
        byte[] coloured = DevsetPhotos.Read(DevsetPhotos.WithLabel("background.color", 1)[0]);
        string refused = WebUtility.HtmlDecode(await (await client.PostFilesAsync("/apply/change", [("Photo", "new.jpg", coloured)], "photo")).Content.ReadAsStringAsync());
        Assert.Contains("新照片未通过预审", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"photo-reasons\"", refused, StringComparison.Ordinal);
        Assert.Equal(WizardFlow.CompliantPhoto(), (await _site.Applications.GetAsync(submitted.Id, default))!.Photo);

        // A passing photo replaces it.
        byte[] other = DevsetPhotos.Read(DevsetPhotos.WithLabel("compliant", 3)[1]);
        string changed = WebUtility.HtmlDecode(await (await client.PostFilesAsync("/apply/change", [("Photo", "new.jpg", other)], "photo")).Content.ReadAsStringAsync());
        Assert.Contains("照片已更换", changed, StringComparison.Ordinal);
        Assert.Equal(other, (await _site.Applications.GetAsync(submitted.Id, default))!.Photo);

        // After submitted + 24 h: refused, the photo stays.
        _site.Clock.Set(submitted.EditableUntil);
        client = await ChangeWindowTests.SignInToChangeAsync(_site);
        string locked = WebUtility.HtmlDecode(await (await client.PostFilesAsync("/apply/change", [("Photo", "new.jpg", WizardFlow.CompliantPhoto())], "photo")).Content.ReadAsStringAsync());
        Assert.Contains("不能再修改", locked, StringComparison.Ordinal);
        Assert.Equal(other, (await _site.Applications.GetAsync(submitted.Id, default))!.Photo);
    }
}
