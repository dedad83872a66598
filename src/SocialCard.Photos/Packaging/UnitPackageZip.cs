namespace SocialCard.Photos.Packaging;

/// <summary>One zip of at most <see cref="UnitPackageBuilder.MaxPhotosPerZip"/> photos, entries "&lt;unit code&gt;/&lt;number&gt;.jpg".</summary>
public sealed record UnitPackageZip(string FileName, byte[] Data, IReadOnlyList<string> Entries);
