using System.Runtime.Intrinsics;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// The background as seen around the person. Its colour is the per-channel median of the border zone (the top band
/// above the hair and the upper corners beside the head); then, at half resolution, every cell within
/// <see cref="Tolerance"/> of that colour is background, the person is the non-background region connected to the
/// lower edge or to the face, and any other non-background cell above the shoulders is foreign (text, objects,
/// shadows, stains). Uniformity is measured over the background cells above the shoulders.
/// </summary>
public sealed class BackgroundModel
{
    /// <summary>Largest per-channel difference from the background colour for a cell to count as background.</summary>
    public const int Tolerance = 36;

    public const byte CellBackground = 1;
    public const byte CellPerson = 2;
    public const byte CellForeign = 3;

    private byte[] _cells;

    private BackgroundModel(byte[] cells, int cellWidth, int cellHeight)
    {
        _cells = cells;
        CellWidth = cellWidth;
        CellHeight = cellHeight;
    }

    /// <summary>Median background colour, sRGB.</summary>
    public (byte R, byte G, byte B) Rgb { get; private init; }

    /// <summary>Median background colour in CIELAB.</summary>
    public Lab Colour { get; private init; }

    /// <summary>Share of the border zone within <see cref="Tolerance"/> of the median colour.</summary>
    public double BorderAgreement { get; private init; }

    /// <summary>Background cells above the shoulder line, as a share of all cells there.</summary>
    public double Coverage { get; private init; }

    /// <summary>Mean Sobel gradient magnitude (luma levels) over interior background cells (OFIQ background uniformity).</summary>
    public double MeanGradient { get; private init; }

    /// <summary>Standard deviation of the luma of the background cells (luma levels).</summary>
    public double LumaSpread { get; private init; }

    /// <summary>Non-background cells above the shoulders not connected to the person, as a share of the zone.</summary>
    public double ForeignShare { get; private init; }

    /// <summary>
    /// Cells above the shoulders whose colour is clearly chromatic and not skin, lips or hair (Lab chroma over
    /// <see cref="PatchChroma"/> with a hue outside the warm skin/lip/hair range 335-100 degrees, or any hue over <see cref="StrongChroma"/>),
    /// as a share of the zone. A leftover of a coloured wall that touches the person is classified as person by the
    /// connectivity above, and the border median misses it when the border itself is white: this catches it.
    /// </summary>
    public double ColouredPatchShare { get; private init; }

    /// <summary>Lab chroma above which a non-warm cell counts towards <see cref="ColouredPatchShare"/>.</summary>
    public const double PatchChroma = 20;

    /// <summary>Lab chroma above which a cell of any hue counts towards <see cref="ColouredPatchShare"/>.</summary>
    public const double StrongChroma = 55;

    /// <summary>Rows (full resolution) the uniformity measures cover: from the top edge to this row.</summary>
    public int ShoulderRow { get; private init; }

    /// <summary>Cells of 2x2 pixels: 1 background, 2 person, 3 foreign (rented: read them only until
    /// <see cref="ReturnRented"/>, which the photo's context calls when it is disposed).</summary>
    public ReadOnlySpan<byte> Cells => _cells.AsSpan(0, CellWidth * CellHeight);

    public int CellWidth { get; }

    public int CellHeight { get; }

    public static BackgroundModel Measure(RgbImage image, FaceRegion face)
    {
        int width = image.Width;
        int height = image.Height;
        (byte r, byte g, byte b, double agreement) = BorderMedianKernel.Measure(image);

        int cw = Math.Max(1, width / 2);
        int ch = Math.Max(1, height / 2);
        // At least two rows (one cell row) where the image has them: a one-row image is all zone.
        int shoulderRow = Math.Clamp((int)Math.Round(face.EyeY + (0.5 * face.FaceWidth)), Math.Min(2, height), height);
        int zoneRows = Math.Min(ch, shoulderRow / 2);
        // Rented (every cell is written below): a fresh array per photo cost ten page faults of new memory.
        byte[] cells = System.Buffers.ArrayPool<byte>.Shared.Rent(cw * ch);
        byte[] cellLuma = System.Buffers.ArrayPool<byte>.Shared.Rent(cw * ch);
        long coloured = BackgroundCellKernel.Classify(image, r, g, b, cells, cellLuma, cw, ch, zoneRows);

        // The person: non-background connected to the lower edge or to the face skin zone.
        PersonFill.Mark(cells, cw, ch, face.Skin);

        // Above the shoulders: background uniformity and foreign objects.
        (long bgCount, long foreign, long sum, long sumSq, long gradientSum, long gradientCount) = Vector256.IsHardwareAccelerated
            ? BackgroundZoneKernel.MeasureVector256(cells, cellLuma, cw, ch, zoneRows)
            : BackgroundZoneKernel.MeasureScalar(cells, cellLuma, cw, ch, zoneRows);

        System.Buffers.ArrayPool<byte>.Shared.Return(cellLuma);
        long zoneCells = (long)zoneRows * cw;
        double mean = bgCount > 0 ? sum / (double)bgCount : 0;
        double variance = bgCount > 0 ? Math.Max(0, (sumSq / (double)bgCount) - (mean * mean)) : 0;
        return new BackgroundModel(cells, cw, ch)
        {
            Rgb = (r, g, b),
            Colour = ColorSpace.ToLab(r, g, b),
            BorderAgreement = agreement,
            Coverage = zoneCells > 0 ? bgCount / (double)zoneCells : 0,

            // Sobel |gx| + |gy| sums 8 neighbour differences with weights 1-2-1; divide by 8 for levels per pixel step.
            MeanGradient = gradientCount > 0 ? gradientSum / (8.0 * gradientCount) : 0,
            LumaSpread = Math.Sqrt(variance),
            ForeignShare = zoneCells > 0 ? foreign / (double)zoneCells : 0,
            ColouredPatchShare = zoneCells > 0 ? coloured / (double)zoneCells : 0,
            ShoulderRow = shoulderRow,
        };
    }

    /// <summary>Gives the cells back to the pool; <see cref="Cells"/> must not be read afterwards (it throws).</summary>
    internal void ReturnRented()
    {
        if (_cells.Length > 0)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_cells);
            _cells = [];
        }
    }
}
