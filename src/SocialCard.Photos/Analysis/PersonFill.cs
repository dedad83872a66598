using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Regions;

namespace SocialCard.Photos.Analysis;

/// <summary>The person of <see cref="BackgroundModel"/>: the non-background cells connected to the lower edge or to the face.</summary>
internal static class PersonFill
{
    /// <summary>
    /// Marks as <see cref="BackgroundModel.CellPerson"/> every unclassified (0) cell 4-connected to the lower edge or to the face skin
    /// zone (<see cref="ScanlineFill"/>: the set it marks is the connected region, whatever the visiting order).
    /// </summary>
    internal static void Mark(byte[] cells, int cw, int ch, PixelRect skin)
    {
        var unclassified = new Unclassified(cells);
        int lastRow = (ch - 1) * cw;
        for (int x = 0; x < cw; x++)
        {
            if (unclassified.CanEnter(lastRow + x))
            {
                ScanlineFill.Fill(ref unclassified, cw, ch, lastRow + x, Connectivity.Four);
            }
        }

        for (int y = skin.Y / 2; y < Math.Min(ch, skin.Bottom / 2); y++)
        {
            for (int x = skin.X / 2; x < Math.Min(cw, skin.Right / 2); x++)
            {
                if (unclassified.CanEnter((y * cw) + x))
                {
                    ScanlineFill.Fill(ref unclassified, cw, ch, (y * cw) + x, Connectivity.Four);
                }
            }
        }
    }

    /// <summary>The unclassified cells; entering one marks it the person's.</summary>
    private readonly struct Unclassified(byte[] cells) : IFillRegion
    {
        public bool CanEnter(int index) => cells[index] == 0;

        public void Enter(int start, int length) => cells.AsSpan(start, length).Fill(BackgroundModel.CellPerson);
    }
}
