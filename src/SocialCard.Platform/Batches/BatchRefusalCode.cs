namespace SocialCard.Platform.Batches;

/// <summary>
/// Why a unit package or one of its entries was refused. Numbers and names are stable: persist
/// <see cref="BatchRefusal.StableCode"/> (e.g. <c>batch.path_traversal</c>), not the message text.
/// </summary>
public enum BatchRefusalCode
{
    /// <summary>Package: the bytes are not a readable zip archive.</summary>
    NotAZip = 1,

    /// <summary>Package: the zip file itself is larger than allowed.</summary>
    PackageTooLarge = 2,

    /// <summary>Package: more central-directory records than allowed.</summary>
    TooManyEntries = 3,

    /// <summary>Package: more than the allowed number of photos (50).</summary>
    TooManyPhotos = 4,

    /// <summary>Package: the photos together are larger than allowed (declared or counted).</summary>
    TotalSizeExceeded = 5,

    /// <summary>Package: an entry name climbs out of the archive with <c>..</c>.</summary>
    PathTraversal = 6,

    /// <summary>Package: an entry name is absolute (<c>/x</c>, <c>\x</c>, <c>C:</c>).</summary>
    AbsolutePath = 7,

    /// <summary>Package: an entry is a symbolic link (Unix mode S_IFLNK).</summary>
    SymbolicLink = 8,

    /// <summary>Package: an entry compresses better than a photo can (decompression bomb).</summary>
    CompressionRatioExceeded = 9,

    /// <summary>Package: an entry's data does not match its declared size or CRC-32 (lying or damaged headers).</summary>
    HeaderMismatch = 10,

    /// <summary>Package: two entries carry the same name (ignoring case and slash direction).</summary>
    DuplicateName = 11,

    /// <summary>Package: no photo sits in a folder named after the unit code.</summary>
    WrongFolder = 12,

    /// <summary>Package: there is no photo at all.</summary>
    EmptyPackage = 13,

    /// <summary>Package: the archive is damaged and an entry cannot be decompressed.</summary>
    CorruptArchive = 14,

    /// <summary>Entry: an archive inside the archive (by extension or by content signature).</summary>
    NestedArchive = 20,

    /// <summary>Entry: not directly inside the <c>&lt;unit code&gt;/</c> folder.</summary>
    OutsideUnitFolder = 21,

    /// <summary>Entry: larger than the per-entry limit (declared or counted).</summary>
    EntryTooLarge = 22,

    /// <summary>Entry: encrypted (password protected).</summary>
    Encrypted = 23,

    /// <summary>Entry: the file name is not <c>&lt;10-digit personal number&gt;.jpg</c>.</summary>
    BadFileName = 24,

    /// <summary>Entry: two photos for the same personal number (e.g. <c>.jpg</c> and <c>.jpeg</c>).</summary>
    DuplicatePersonalNumber = 25,

    /// <summary>Entry: the file is empty.</summary>
    EmptyFile = 26,

    /// <summary>Entry: the image header declares more pixels than allowed (refused before any decode).</summary>
    TooManyPixels = 27,

    /// <summary>Entry: the same file (byte for byte) as another entry under another personal number.</summary>
    IdenticalPhoto = 28,
}
