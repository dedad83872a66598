namespace SocialCard.Platform.Demo;

/// <summary>Bound from "Demo": <c>Demo:Seed=true</c> fills an empty database with generated data at start-up.</summary>
public sealed class DemoOptions
{
    public bool Seed { get; set; }

    public int Units { get; set; } = 20;

    public int People { get; set; } = 500;

    public int RandomSeed { get; set; } = 20170707;

    /// <summary>Password of the generated demo accounts (staff "demo-admin", each unit by its code). Demo data only.</summary>
    public string DemoPassword { get; set; } = "Demo@2026";

    /// <summary>
    /// A folder of sample photos named by 10-digit personal numbers (the development set in the demo): the seed registers
    /// one person per photo in the first unit, so a first upload of these photos finds its people. Null: none.
    /// </summary>
    public string? SamplePhotos { get; set; }
}
