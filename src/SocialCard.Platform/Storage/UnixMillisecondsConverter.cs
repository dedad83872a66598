using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SocialCard.Platform.Storage;

/// <summary>Instants are stored as UTC Unix milliseconds (bigint) on both providers: ordered, indexable, and the same
/// raw SQL works on SQLite and PostgreSQL (the job queue depends on that).</summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
