namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>Theory data: every persistence test runs on both providers.</summary>
public static class Providers
{
    public static TheoryData<string> Both => new() { "Sqlite", "PostgreSql" };
}
