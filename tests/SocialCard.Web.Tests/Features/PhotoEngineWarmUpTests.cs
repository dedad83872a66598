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
        WebPhotoEngine engine = WebPhotoEngine.Create(new PhotoCheckOptions(), SourceDirectory(), NullLogger.Instance);
        Assert.True(engine.CanFix, "the face models are installed by ./setup.sh");
        Assert.Equal(5, engine.WarmUp()); // probe 160, then the cascade 352, 288, 224, 416
    }

    [Fact]
    public void Without_faces_the_warm_up_checks_the_image_rules_only()
    {
        WebPhotoEngine engine = WebPhotoEngine.Create(new PhotoCheckOptions { UseFaces = false }, SourceDirectory(), NullLogger.Instance);
        Assert.Equal(0, engine.WarmUp());
    }

    [Fact]
    public async Task The_package_path_warm_up_records_the_blank_photo_as_failed_and_leaves_no_folder_behind()
    {
        WebPhotoEngine engine = WebPhotoEngine.Create(new PhotoCheckOptions { UseFaces = false }, SourceDirectory(), NullLogger.Instance);
        // Its own parent folder: sites that other tests start warm up in the system's temporary folder at the same time.
        DirectoryInfo parent = Directory.CreateTempSubdirectory("socialcard-warmup-test-");
        try
        {
            PhotoVerdict? verdict = await UnitBatchWarmUp.RunAsync(new SocialCard.Platform.Engine.PhotoCheckAdapter(engine.Checker, new SocialCard.Platform.Engine.ReviewConcurrency(1)),
                WebPhotoEngine.BlankPhoto(), "suzhou-sscard", CancellationToken.None, parent.FullName);
            Assert.Equal(PhotoVerdict.Failed, verdict); // a blank white frame fails the pre-review (no person, no face region)
            Assert.Empty(parent.GetFileSystemInfos());
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
