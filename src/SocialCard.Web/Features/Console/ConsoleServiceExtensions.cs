using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.Console;

public static class ConsoleServiceExtensions
{
    public static WebApplicationBuilder AddConsoleServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConsoleQueries>();
        builder.Services.AddSingleton<ExportPackages>();
        builder.Services.AddUiTexts<ConsoleTexts>();
        builder.Services.AddSingleton<CounterReceiptPdf>();
        builder.Services.AddUiTexts<CounterTexts>();
        return builder;
    }
}
