using Microsoft.Extensions.Configuration;
using SocialCard.Platform.Centre;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>The sample centre configurations under <c>config/centres/</c>, as a site given <c>--CentreFile</c> binds them.</summary>
public static class CentreSamples
{
    /// <summary>The Chengdu sample, relative to the repository root (how a site is told to use it).</summary>
    public const string ChengduFile = "config/centres/chengdu.json";

    public static CentreOptions Chengdu() => Load(ChengduFile);

    public static CentreOptions Load(string relativePath)
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(SiteProcess.RepositoryRoot, relativePath), optional: false)
            .Build();
        return configuration.GetSection(CentreOptions.SectionName).Get<CentreOptions>()
               ?? throw new InvalidOperationException(relativePath + " has no Centre section");
    }
}
