using SocialCard.Photos;
using SocialCard.Photos.Profiles;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Engine;

namespace SocialCard.Platform.Tests.Engine;

/// <summary>
/// The one adapter of the checker to the platform's port: a report the host remembered for the same bytes, profile and
/// file name is handed to the job once instead of checking again; anything else is checked, also through a
/// node-wide concurrency slot.
/// </summary>
public sealed class PhotoCheckAdapterTests
{
    private const string Profile = "suzhou-sscard";

    [Fact]
    public async Task A_remembered_report_is_used_once_for_the_same_bytes_and_name_then_the_photo_is_checked()
    {
        string compliant = EngineFixture.Photos("compliant", 1)[0];
        string failing = EngineFixture.Photos("image.dimensions", 1)[0];
        byte[] bytes = EngineFixture.Bytes(compliant);
        PhotoReport other = EngineFixture.Checker.Check(EngineFixture.Bytes(failing), compliant, SpecProfiles.Get(Profile));
        Assert.Equal(SocialCard.Platform.Domain.PhotoVerdict.Failed, PhotoCheckAdapter.ToReview(other).Verdict);

        using var concurrency = new ReviewConcurrency(1);
        var adapter = new PhotoCheckAdapter(EngineFixture.Checker, concurrency);
        adapter.Remember(bytes, Profile, other);
        Assert.True(WrongSize(await adapter.ReviewAsync(bytes, compliant, Profile, CancellationToken.None)));
        Assert.False(WrongSize(await adapter.ReviewAsync(bytes, compliant, Profile, CancellationToken.None)));

        adapter.Remember(bytes, Profile, other);
        Assert.False(WrongSize(await adapter.ReviewAsync(bytes, "another-name.jpg", Profile, CancellationToken.None)));
    }

    private static bool WrongSize(PhotoReview review) =>
        review.Findings.Any(f => f.Rule == "image.dimensions" && f.Outcome == FindingOutcome.Fail);
}
