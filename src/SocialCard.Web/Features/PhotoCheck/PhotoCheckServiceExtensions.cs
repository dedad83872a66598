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
        builder.Services.AddSingleton(sp => PhotoEngine.Create(
            sp.GetRequiredService<IOptions<PhotoCheckOptions>>().Value, contentRoot, sp.GetRequiredService<ILoggerFactory>().CreateLogger<PhotoEngine>()));
        builder.Services.AddSingleton<PhotoChecker>(sp => sp.GetRequiredService<PhotoEngine>().Checker);
        builder.Services.AddSingleton(sp => new SocialCard.Platform.Engine.ReviewConcurrency(
            sp.GetRequiredService<IOptions<PhotoCheckOptions>>().Value.MaxConcurrentChecks));
        builder.Services.AddSingleton<PhotoCheckService>();
        builder.Services.AddSingleton<PhotoFixService>();
        builder.Services.AddUiTexts<PhotoCheckTexts>();
        return builder;
    }
}
