namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>Every persistence test class joins this collection: one PostgreSQL server for the run, and the classes run
/// one after another (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "Postgres";
}
