namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>The two storage providers every scenario runs on.</summary>
public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}
