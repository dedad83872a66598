namespace SocialCard.Web.Features.RegistrationForm;

/// <summary>Settings of the registration-form PDF, bound from the "RegistrationFormOptions" section.</summary>
public sealed class RegistrationFormOptions
{
    /// <summary>
    /// CJK font candidates, first existing wins. A plain TrueType (glyf) file keeps the PDF small because PDFsharp
    /// subsets it; a .ttc is split and its face chosen by <see cref="CjkCollectionFace"/> (Noto CJK is CFF: PDFsharp
    /// then embeds the whole face, ~13 MB per PDF, still correct).
    /// </summary>
    public IList<string> CjkFontPaths { get; } =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ];

    /// <summary>Face looked up by name inside a collection.</summary>
    public string CjkCollectionFace { get; set; } = "CJK SC";

    /// <summary>Latin/digit font candidates (the CJK fallback fonts have no Latin glyphs of their own).</summary>
    public IList<string> LatinFontPaths { get; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    public IList<string> LatinBoldFontPaths { get; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ];
}
