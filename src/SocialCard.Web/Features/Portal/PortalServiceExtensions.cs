using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.Portal;

public static class PortalServiceExtensions
{
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<PortalQueries>();
        builder.Services.AddSingleton<PhotoUploadService>();
        builder.Services.AddUiTexts<PortalTexts>();
        builder.Services.AddUiTexts<BulkTexts>();
        return builder;
    }
}
