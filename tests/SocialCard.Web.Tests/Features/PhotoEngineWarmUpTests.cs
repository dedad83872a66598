using Microsoft.Extensions.Logging.Abstractions;
using SocialCard.Web.Features.PhotoCheck;

namespace SocialCard.Web.Tests.Features;

public sealed class PhotoEngineWarmUpTests
{
    [Fact]
    public void Warm_up_runs_every_analyzer_of_the_face_cascade()
    {
        PhotoEngine engine = PhotoEngine.Create(new PhotoCheckOptions(), SourceDirectory(), NullLogger.Instance);
        Assert.True(engine.CanFix, "the face models are installed by ./setup.sh");
        Assert.Equal(4, engine.WarmUp()); // 352, 288, 224, 416
    }

    [Fact]
    public void Without_faces_the_warm_up_checks_the_image_rules_only()
    {
        PhotoEngine engine = PhotoEngine.Create(new PhotoCheckOptions { UseFaces = false }, SourceDirectory(), NullLogger.Instance);
        Assert.Equal(0, engine.WarmUp());
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
