using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.Wizard;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>An applicant whose photo shows the face of another person's photo on file: the application is submitted,
/// the photo waits for centre review, and the applicant is told only that centre staff will look at it (never whose
/// face it matched).</summary>
public sealed class SameFaceApplicantTests : IAsyncLifetime
{
    private readonly ApplicantSite _site = new();

    public Task InitializeAsync() => _site.EnsureSeededAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_photo_with_another_persons_face_is_submitted_and_the_applicant_is_told_centre_staff_will_check_it()
    {
        // The same face on file for another person (the second applicant), kept as a stored photo with its descriptor.
        byte[] face = WizardFlow.CompliantPhoto();
        SameFaceService faces = _site.Services.GetRequiredService<SameFaceService>();
        Assert.True(faces.IsOn);
        await using (PlatformDbContext db = _site.Services.GetRequiredService<PlatformDatabase>().CreateDbContext())
        {
            Person other = (await db.People.ToListAsync()).Single(p => p.IdNumber == ApplicantData.SecondApplicantId);
            var photo = new Photo(PhotoChannel.Counter, other.PersonalNumber + ".jpg", face, _site.Clock.GetUtcNow(), other.Id);
            Assert.False(await faces.MatchesAnotherAsync(db, photo, other.Id, face, PhotoVerdict.Passed, default));
            photo.RecordReview(PhotoVerdict.Passed, "[]", _site.Clock.GetUtcNow());
            db.Photos.Add(photo);
            await db.SaveChangesAsync();
        }

        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.SubmitAsync();
        string done = WebUtility.HtmlDecode(await flow.Client.GetHtmlAsync("/apply/done"));
        Assert.Contains("id=\"photo-review\"", done, StringComparison.Ordinal);
        Assert.Contains("需要中心工作人员核对", done, StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicantData.SecondApplicantName, done, StringComparison.Ordinal);

        ApplicationView submitted = (await _site.Applications.FindLatestAsync(IdType.ResidentId, "CHN", ApplicantData.ApplicantId, default))!;
        Assert.True(submitted.PhotoNeedsReview);
        string change = WebUtility.HtmlDecode(await (await ChangeWindowTests.SignInToChangeAsync(_site)).GetHtmlAsync("/apply/change"));
        Assert.Contains("id=\"photo-review\"", change, StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicantData.SecondApplicantName, change, StringComparison.Ordinal);
    }
}
