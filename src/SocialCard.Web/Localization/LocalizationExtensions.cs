using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialCard.Web.Localization;

public static class LocalizationExtensions
{
    /// <summary>Registers a feature's string table (see <see cref="IUiTextSource"/>).</summary>
    public static IServiceCollection AddUiTexts<TSource>(this IServiceCollection services)
        where TSource : class, IUiTextSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUiTextSource, TSource>());
        return services;
    }

    /// <summary>
    /// zh-CN always first; English only when the visitor chose it (cookie, or <c>?lang=en</c>). The browser's
    /// Accept-Language is deliberately ignored: the centre's audience reads Chinese whatever their browser says.
    /// </summary>
    public static IServiceCollection AddUiLocalization(this IServiceCollection services)
    {
        services.AddUiTexts<CoreTexts>();
        services.TryAddSingleton<UiTextTable>();
        services.TryAddSingleton<UiText>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(UiCultures.Chinese);
            options.SupportedCultures = [.. UiCultures.Supported];
            options.SupportedUICultures = [.. UiCultures.Supported];
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider { CookieName = UiCultures.CookieName },
            ];
        });
        return services;
    }
}
