using PdfSharp.Drawing;

namespace SocialCard.Web.Features.RegistrationForm;

/// <summary>
/// Draws mixed Chinese/Latin strings: each maximal run of characters is drawn with the family that has its glyphs
/// (<see cref="FormFontResolver"/>), so "510107198..." and "成都银行" can share a line. Also wraps by width.
/// </summary>
public sealed class FormText
{
    private readonly XFont _cjk;
    private readonly XFont _latin;

    public FormText(double size, bool bold = false)
    {
        XFontStyleEx style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
        _cjk = new XFont(FormFontResolver.CjkFamily, size, style);
        _latin = new XFont(FormFontResolver.LatinFamily, size, style);
        Size = size;
    }

    public double Size { get; }

    /// <summary>Characters below the CJK radicals block (Latin, digits, punctuation, ○ ● □ marks) use the Latin font.</summary>
    public static bool IsLatin(char c) => c < '\u2E80';

    public double Measure(XGraphics g, string text)
    {
        double width = 0;
        int start = 0;
        while (start < text.Length)
        {
            int end = RunEnd(text, start);
            width += g.MeasureString(text[start..end], FontFor(text[start])).Width;
            start = end;
        }

        return width;
    }

    /// <summary>Draws one line with its baseline-independent top-left at (x, y); returns the width drawn.</summary>
    public double Draw(XGraphics g, string text, double x, double y, XBrush? brush = null)
    {
        brush ??= XBrushes.Black;
        double cursor = x;
        int start = 0;
        while (start < text.Length)
        {
            int end = RunEnd(text, start);
            string run = text[start..end];
            XFont font = FontFor(text[start]);
            g.DrawString(run, font, brush, new XPoint(cursor, y), XStringFormats.TopLeft);
            cursor += g.MeasureString(run, font).Width;
            start = end;
        }

        return cursor - x;
    }

    /// <summary>Draws text wrapped to <paramref name="width"/>, returning the number of lines used.</summary>
    public int DrawWrapped(XGraphics g, string text, double x, double y, double width, double lineHeight, int maxLines = int.MaxValue)
    {
        List<string> lines = Wrap(g, text, width);
        int count = Math.Min(lines.Count, maxLines);
        for (int i = 0; i < count; i++)
        {
            Draw(g, lines[i], x, y + (i * lineHeight));
        }

        return count;
    }

    public List<string> Wrap(XGraphics g, string text, double width)
    {
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            int lineStart = 0;
            int lastBreak = -1;
            for (int i = 0; i < paragraph.Length; i++)
            {
                if (paragraph[i] == ' ' || !IsLatin(paragraph[i]))
                {
                    lastBreak = i;
                }

                if (Measure(g, paragraph[lineStart..(i + 1)]) > width && i > lineStart)
                {
                    int cut = lastBreak > lineStart ? lastBreak : i;
                    lines.Add(paragraph[lineStart..cut].TrimEnd());
                    lineStart = paragraph[cut] == ' ' ? cut + 1 : cut;
                    lastBreak = -1;
                }
            }

            lines.Add(paragraph[lineStart..]);
        }

        return lines;
    }

    private XFont FontFor(char c) => IsLatin(c) ? _latin : _cjk;

    private static int RunEnd(string text, int start)
    {
        bool latin = IsLatin(text[start]);
        int end = start + 1;
        while (end < text.Length && IsLatin(text[end]) == latin)
        {
            end++;
        }

        return end;
    }
}
