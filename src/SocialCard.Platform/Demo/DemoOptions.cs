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
}
