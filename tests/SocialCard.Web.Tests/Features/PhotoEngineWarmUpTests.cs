using Microsoft.Extensions.Logging.Abstractions;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.PhotoCheck;

namespace SocialCard.Web.Tests.Features;

public sealed class PhotoEngineWarmUpTests
{
    [Fact]
    public void Warm_up_runs_the_probe_and_every_analyzer_of_the_face_cascade()
    {
        PhotoEngine engine = PhotoEngine.Create(new PhotoCheckOptions(), SourceDirectory(), NullLogger.Instance);
        Assert.True(engine.CanFix, "the face models are installed by ./setup.sh");
        Assert.Equal(5, engine.WarmUp()); // probe 160, then the cascade 352, 288, 224, 416
    }

    [Fact]
    public void Without_faces_the_warm_up_checks_the_image_rules_only()
    {
        PhotoEngine engine = PhotoEngine.Create(new PhotoCheckOptions { UseFaces = false }, SourceDirectory(), NullLogger.Instance);
        Assert.Equal(0, engine.WarmUp());
    }

    [Fact]
    public async Task The_package_path_warm_up_records_the_blank_photo_as_failed_and_leaves_no_folder_behind()
    {
        PhotoEngine engine = PhotoEngine.Create(new PhotoCheckOptions { UseFaces = false }, SourceDirectory(), NullLogger.Instance);
        string[] before = Directory.GetDirectories(Path.GetTempPath(), "socialcard-warmup-*");
        PhotoVerdict? verdict = await UnitBatchWarmUp.RunAsync(new EnginePhotoReviewer(engine.Checker, new SocialCard.Platform.Engine.ReviewConcurrency(1)), PhotoEngine.BlankPhoto(), "suzhou-sscard", CancellationToken.None);
        Assert.Equal(PhotoVerdict.Failed, verdict); // a blank white frame fails the pre-review (no person, no face region)
        Assert.Equal(before.Order(), Directory.GetDirectories(Path.GetTempPath(), "socialcard-warmup-*").Order());
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
