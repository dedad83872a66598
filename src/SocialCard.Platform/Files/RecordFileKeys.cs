using System.Globalization;

namespace SocialCard.Platform.Files;

/// <summary>
/// The one rule for the keys of record images: <c>{folder}/{record id}/{slot}-{content tag}</c>, where the tag is the
/// first 64 bits of the keyed content hash (<see cref="Security.FieldProtector.ContentHash"/>). A key names no person,
/// and the same content under the same record always has the same key: writing it again is a no-op, a new content gets
/// a new key (the old file goes only after the row points at the new one), and the move of older rows is idempotent.
/// </summary>
public static class RecordFileKeys
{
    public static string For(string folder, long recordId, string slot, ReadOnlySpan<byte> contentHash) =>
        string.Create(CultureInfo.InvariantCulture, $"{folder}/{recordId}/{slot}-{Convert.ToHexStringLower(contentHash[..8])}");
}
