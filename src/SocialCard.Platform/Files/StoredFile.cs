namespace SocialCard.Platform.Files;

/// <summary>One file in an <see cref="IFileStore"/>: its key, its plain size in bytes and when it was written.</summary>
public sealed record StoredFile(string Key, long Size, DateTimeOffset LastModified);
