namespace SocialCard.Web.Hosting;

/// <summary>Section "Site": start-up behaviour of the host.</summary>
public sealed class SiteOptions
{
    /// <summary>Clear-text demo API key registered (hashed) with the demo seed (Demo:Seed), printed at start.</summary>
    public string DemoApiKey { get; set; } = "sc-demo-integrator-key";

    /// <summary>Warm the photo engine and the package upload path while the host starts (<see cref="StartupWarmUpService"/>),
    /// so the first upload after a restart is as fast as the next ones.</summary>
    public bool WarmUpOnStart { get; set; } = true;

    /// <summary>
    /// Let <c>Demo:Seed</c> fill an empty PostgreSQL database too (tests and load runs). Off by default, so switching
    /// a deployment to PostgreSQL by one setting never puts demo people into it.
    /// </summary>
    public bool DemoOnPostgreSql { get; set; }

    /// <summary>Run the background job workers in this process.</summary>
    public bool RunWorkers { get; set; } = true;
}
