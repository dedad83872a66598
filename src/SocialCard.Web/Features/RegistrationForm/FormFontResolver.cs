using PdfSharp.Fonts;

namespace SocialCard.Web.Features.RegistrationForm;

/// <summary>
/// PDFsharp 6 has no system font access on Linux: it asks one process-wide <see cref="IFontResolver"/> for bytes.
/// Two families: <see cref="CjkFamily"/> (Chinese text) and <see cref="LatinFamily"/> (Latin letters, digits and the
/// ○ ● marks), because the glyf CJK fonts Debian ships have no usable Latin glyphs. <see cref="FormText"/> splits each
/// string into runs per family.
/// </summary>
public sealed class FormFontResolver : IFontResolver
{
    public const string CjkFamily = "SocialCard CJK";
    public const string LatinFamily = "SocialCard Latin";

    private const string CjkFace = "sc-cjk";
    private const string LatinFace = "sc-latin";
    private const string LatinBoldFace = "sc-latin-bold";

    private static readonly Lock InstallLock = new();

    private readonly byte[] _cjk;
    private readonly byte[] _latin;
    private readonly byte[] _latinBold;

    private FormFontResolver(byte[] cjk, byte[] latin, byte[] latinBold)
    {
        _cjk = cjk;
        _latin = latin;
        _latinBold = latinBold;
    }

    /// <summary>Which files were used, for the start-up log and the report.</summary>
    public string Description { get; private init; } = string.Empty;

    /// <summary>Installs the resolver once per process; later calls return the installed one.</summary>
    public static FormFontResolver EnsureInstalled(RegistrationFormOptions options)
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is FormFontResolver installed)
            {
                return installed;
            }

            FormFontResolver resolver = Load(options);
            if (GlobalFontSettings.FontResolver is not null)
            {
                throw new InvalidOperationException(
                    "Another PDFsharp font resolver is already installed in this process; the registration form needs FormFontResolver.");
            }

            GlobalFontSettings.FontResolver = resolver;
            return resolver;
        }
    }

    public static FormFontResolver Load(RegistrationFormOptions options)
    {
        (byte[] cjk, string cjkPath) = LoadCjk(options);
        (byte[] latin, string latinPath) = LoadFirst(options.LatinFontPaths, "Latin");
        (byte[] latinBold, _) = options.LatinBoldFontPaths.Any(File.Exists) ? LoadFirst(options.LatinBoldFontPaths, "Latin bold") : (latin, latinPath);
        return new FormFontResolver(cjk, latin, latinBold) { Description = $"CJK: {cjkPath}; Latin: {latinPath}" };
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (string.Equals(familyName, CjkFamily, StringComparison.OrdinalIgnoreCase))
        {
            return new FontResolverInfo(CjkFace, bold, italic);
        }

        if (string.Equals(familyName, LatinFamily, StringComparison.OrdinalIgnoreCase))
        {
            return new FontResolverInfo(bold ? LatinBoldFace : LatinFace, false, italic);
        }

        return null;
    }

    public byte[]? GetFont(string faceName) => faceName switch
    {
        CjkFace => _cjk,
        LatinFace => _latin,
        LatinBoldFace => _latinBold,
        _ => null,
    };

    private static (byte[] Bytes, string Path) LoadCjk(RegistrationFormOptions options)
    {
        foreach (string path in options.CjkFontPaths)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            byte[] bytes = File.ReadAllBytes(path);
            if (!TrueTypeCollection.IsCollection(bytes))
            {
                return (bytes, path);
            }

            byte[]? face = TrueTypeCollection.ExtractFace(bytes, options.CjkCollectionFace);
            if (face is not null)
            {
                return (face, $"{path} [{options.CjkCollectionFace}]");
            }
        }

        throw new FileNotFoundException(
            "没有找到中文字体，请运行 scripts/setup.d/40-fonts.sh / No CJK font found: " + string.Join(", ", options.CjkFontPaths));
    }

    private static (byte[] Bytes, string Path) LoadFirst(IEnumerable<string> paths, string what)
    {
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                return (File.ReadAllBytes(path), path);
            }
        }

        throw new FileNotFoundException($"No {what} font found: " + string.Join(", ", paths));
    }
}
