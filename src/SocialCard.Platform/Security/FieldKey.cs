namespace SocialCard.Platform.Security;

/// <summary>One 256-bit master key of the <see cref="FieldKeyRing"/> and its id (1-65535, stored with each value).</summary>
public sealed record FieldKey(int Id, byte[] Material);
