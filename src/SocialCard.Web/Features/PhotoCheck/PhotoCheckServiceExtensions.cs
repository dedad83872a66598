using SocialCard.Web.Localization;
using Microsoft.Extensions.Options;
using SocialCard.Photos;

namespace SocialCard.Web.Features.PhotoCheck;

public static class PhotoCheckServiceExtensions
{
    public static WebApplicationBuilder AddPhotoCheckServices(this WebApplicationBuilder builder)
    {
        string contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<PhotoCheckOptions>().BindConfiguration("PhotoCheck");
        builder.Services.AddSingleton(sp => WebPhotoEngine.Create(
            sp.GetRequiredService<IOptions<PhotoCheckOptions>>().Value, contentRoot, sp.GetRequiredService<ILoggerFactory>().CreateLogger<WebPhotoEngine>()));
        builder.Services.AddSingleton<PhotoChecker>(sp => sp.GetRequiredService<WebPhotoEngine>().Checker);

        // Null without the recognition weights: the pre-review then compares photos by their bytes only.
        builder.Services.AddSingleton<SocialCard.Photos.Faces.FaceDescriptorReader>(sp => sp.GetRequiredService<WebPhotoEngine>().Descriptors!);
        builder.Services.AddSingleton(sp => new SocialCard.Platform.Engine.ReviewConcurrency(
            sp.GetRequiredService<IOptions<PhotoCheckOptions>>().Value.MaxConcurrentChecks));
        builder.Services.AddSingleton<WebPhotoCheckService>();
        builder.Services.AddSingleton<PhotoFixService>();
        builder.Services.AddUiTexts<PhotoCheckTexts>();
        return builder;
    }
}
