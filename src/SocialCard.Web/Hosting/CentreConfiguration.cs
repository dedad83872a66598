using Microsoft.Extensions.Configuration.Json;
using SocialCard.Platform.Centre;

namespace SocialCard.Web.Hosting;

/// <summary>
/// The centre's identity (<see cref="CentreOptions"/>, section "Centre"): code defaults (the demo centre), then
/// appsettings, then the sample or deployment file named by <c>CentreFile</c> (command line or environment, e.g.
/// <c>--CentreFile config/centres/chengdu.json</c>), then environment variables and the command line. A channel
/// that is off answers 404 on its pages and API.
/// </summary>
public static class CentreConfiguration
{
    public const string FileSetting = "CentreFile";

    public static WebApplicationBuilder AddCentre(this WebApplicationBuilder builder)
    {
        string? file = builder.Configuration[FileSetting];
        if (!string.IsNullOrWhiteSpace(file))
        {
            string path = Resolve(file, builder.Environment.ContentRootPath);
            var source = new JsonConfigurationSource { Path = path, Optional = false, ReloadOnChange = false };
            source.ResolveFileProvider();
            IList<IConfigurationSource> sources = ((IConfigurationBuilder)builder.Configuration).Sources;
            sources.Insert(AfterAppSettings(sources), source);
        }

        builder.Services.AddOptions<CentreOptions>().BindConfiguration(CentreOptions.SectionName);
        return builder;
    }

    /// <summary>404 for the pages and API of a channel the centre does not offer (before routing, so nothing of it runs).</summary>
    public static IApplicationBuilder UseCentreChannels(this IApplicationBuilder app)
    {
        CentreChannels channels = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<CentreOptions>>().Value.Channels;
        return app.Use(async (context, next) =>
        {
            PathString path = context.Request.Path;
            bool closed = (!channels.UnitPackages && (path.StartsWithSegments("/portal") || path.StartsWithSegments("/api/v1/batches")))
                          || (!channels.ApplicantWizard && path.StartsWithSegments("/apply"));
            if (closed)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
    }

    /// <summary>A relative name is looked up from the working folder, then from the content root and its parents
    /// (the repository root when the site runs from <c>src/SocialCard.Web</c>).</summary>
    private static string Resolve(string file, string contentRoot)
    {
        if (Path.IsPathRooted(file))
        {
            return file;
        }

        if (File.Exists(file))
        {
            return Path.GetFullPath(file);
        }

        for (DirectoryInfo? dir = new(contentRoot); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{FileSetting}: no file '{file}' in the working folder or above {contentRoot}.", file);
    }

    private static int AfterAppSettings(IList<IConfigurationSource> sources)
    {
        int at = 0;
        for (int i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource json && json.Path is { } p && p.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            {
                at = i + 1;
            }
        }

        return at;
    }
}
