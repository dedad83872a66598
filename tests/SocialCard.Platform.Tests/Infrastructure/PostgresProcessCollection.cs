namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>The tests that mostly wait on other processes (crash-worker processes, the photo engine) get a second
/// PostgreSQL server of their own, so they run alongside <see cref="PostgresCollection"/> instead of after it; the
/// classes inside each collection still run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresProcessCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgresProcesses";
}
