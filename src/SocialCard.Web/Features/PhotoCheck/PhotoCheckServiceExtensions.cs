using SocialCard.Web.Localization;
using Microsoft.Extensions.Options;
using SocialCard.Photos;
using SocialCard.Platform.Security;

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

        // Every channel compares faces with the engine's recognition net (owned by the engine, never disposed by the
        // container); without the weights, or turned off, photos are compared by their bytes only.
        builder.Services.AddSingleton(sp => new SameFaceService(sp.GetRequiredService<WebPhotoEngine>().Descriptors));
        builder.Services.AddSingleton(sp => new SocialCard.Platform.Engine.ReviewConcurrency(
            sp.GetRequiredService<IOptions<PhotoCheckOptions>>().Value.MaxConcurrentChecks));
        builder.Services.AddSingleton<WebPhotoCheckService>();
        builder.Services.AddSingleton<PhotoFixService>();
        builder.Services.AddUiTexts<PhotoCheckTexts>();
        return builder;
    }
}
