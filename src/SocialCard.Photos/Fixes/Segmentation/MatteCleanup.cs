using System.Drawing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Regions;
using SocialCard.Photos.Fixes.Geometry;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Takes out of the coarse matte what both network passes call person but is the old background, before the edge
/// refinement, and gives back clothes only the close pass doubts (<see cref="TrustClothes"/>). Two checks:
/// <list type="number">
/// <item>Wall colours: near the matte's edge (within <see cref="Band"/> px of a pixel not called person) and above
/// the collar, a saturated person pixel whose colour is common on the wall and rare in the person nearby is wall: a
/// flag's stripe seen between the hair and the neck, a fleck of it by the ear. Wall samples are the crop's pixels
/// both passes are sure are wall; person samples those both are sure are person, <see cref="Inside"/> px or more
/// inside the edge, in the 3x3 tiles of <see cref="Tile"/> px around the pixel (a red lipstick far away does not
/// protect a red stripe by the neck). Colours on a chromaticity grid, compared as shares, so a large wall and a small
/// person weigh alike. A colour the person has nearby (a red jacket on a red flag) is common inside too and stays;
/// hair, skin and plain walls are not saturated and are never judged; only patches at least 7 px across go. Below the
/// collar line, where the close pass may doubt the clothes, a saturated pixel near the edge is judged against the
/// colours just around it instead: wall when it is clearly nearer the wall's than any of the solid person's.
/// Anywhere near the edge, a saturated pixel whose colour the whole photo's sure wall shows and neither the person's
/// solid interior nearby nor the clothes do is wall too (a flag's stripe wholly inside the matte, no wall of its
/// colour beside it).</item>
/// <item>One region: the person region holding the eyes is kept; regions apart from it (a stripe beside the shoulder
/// that a stripe of another colour separates from the body) are wall.</item>
/// </list>
/// </summary>
internal static class MatteCleanup
{
    /// <summary>Probability from which neighbouring pixels link into one region. Below one half, so a shoulder the close
    /// pass is unsure of along a band (about one half, with the network's grid in it) stays joined to the body; a
    /// stripe apart from the person joins it only through the pixels of another stripe both passes doubt (0.25-0.3 on
    /// voteview_029317).</summary>
    private const float Link = 0.35f;

    /// <summary>Distance (px at output scale) from the matte's edge within which a person pixel may be wall-coloured.</summary>
    private const int Band = 24;

    /// <summary>Pixels this far (px) inside the edge and sure in both passes are the person's own colours.</summary>
    private const int Inside = 6;

    /// <summary>Both passes at least this sure (of person, or of wall) for a pixel to be a colour sample.</summary>
    private const float Sure = 0.9f;

    /// <summary>A colour is the wall's when its share among the wall samples is this many times its share among the person's nearby.</summary>
    private const float WallOverPerson = 4f;

    /// <summary>Least share among the wall samples for a colour to count as the wall's.</summary>
    private const float MinWallShare = 0.02f;

    /// <summary>Least sure person samples in a pixel's neighbourhood for its colour to be judged (where the passes doubt
    /// the clothes, nothing tells what the person wears there).</summary>
    private const int MinPersonSamples = 1000;

    /// <summary>Least spread of R, G, B for a pixel's colour to be judged: a flag's stripes are saturated; hair, skin
    /// and plain walls (grey or blonde hair on a grey or cream wall) are not and are never taken.</summary>
    private const int MinChroma = 90;

    /// <summary>The collar line, this many face widths over the chin: above it colours are judged against the person's in
    /// the tiles around, below it against the colours just around the pixel.</summary>
    private const double AboveChin = 0.2;

    /// <summary>Half side (px) of the square most of which must be wall-coloured for its pixels to go: a flag's piece is
    /// a patch; the reddish rim of an ear or a fleck between hair strands is not.</summary>
    private const int PatchRadius = 3;

    /// <summary>Below the collar line the person's own colours are those of the solid person nearby: pixels this many px
    /// or more inside the region either pass calls person (the whole-photo pass vouches for a light jacket by the
    /// shoulder that the close pass doubts).</summary>
    private const int Solid = 12;

    /// <summary>Half side (px) of the square around a pixel below the collar line in which the wall's and the solid
    /// person's colours are sampled (every second row and column).</summary>
    private const int Reach = 24;

    /// <summary>Least wall and person samples in that square for a pixel below the collar line to be judged.</summary>
    private const int MinNearSamples = 20;

    /// <summary>Below the collar line a pixel is wall when its colour is this many times nearer (RGB distance) the nearest
    /// sure wall colour than the nearest solid person colour ...</summary>
    private const int NearerBy = 2;

    /// <summary>... and at least this far (RGB distance) from every solid person colour nearby.</summary>
    private const int FarFromPerson = 40;

    /// <summary>The person's solid interior (colours that protect a pixel from the palette judgement) lies at least this
    /// many face widths inside the matte.</summary>
    private const double InteriorDepth = 0.15;

    /// <summary>Interior colours within this many face widths of a pixel protect it.</summary>
    private const double InteriorReach = 0.5;

    /// <summary>The wall palette: RGB cells this many levels wide per channel ...</summary>
    private const int PaletteStep = 8;

    private const int PaletteSide = 256 / PaletteStep;

    /// <summary>... a colour is the wall's when its cell and those next to it hold at least this many sure wall pixels.</summary>
    private const int MinPalettePixels = 20;

    /// <summary>Chromaticity distance (shares of R and G) within which a colour in shade is the same colour.</summary>
    private const double ShadeShare = 0.06;

    /// <summary>Least probability of the doubting pass for a pixel of the clothes' colour to take the sure pass's.</summary>
    private const float Doubt = 0.35f;

    /// <summary>Only pixels whose darkest channel is below this are taken for the clothes: a white or pale pink pixel
    /// shows little on the white background, and a flag's white and pink stripes beside a white blouse are that colour.</summary>
    private const int MaxDarkest = 176;

    /// <summary>About this many pixels of the whole photo are sampled for its wall palette.</summary>
    private const int PaletteSamples = 160_000;

    /// <summary>Half the width, in face widths, of the narrowest neck by which a piece may join the person and still be
    /// read as part of the broad body (the opening's radius).</summary>
    private const double NeckWidth = 0.05;

    /// <summary>Least pixels of a thin piece for it to be judged: the area of the colour rules' 7x7 patch (a few wall-tinted
    /// pixels at the hair's edge are the soft edge's business).</summary>
    private const int MinPiece = ((2 * PatchRadius) + 1) * ((2 * PatchRadius) + 1);

    /// <summary>A thin piece is a patch (not a fringe of strand tips) when some pixel of it has the square of this half
    /// side around it wholly in the piece.</summary>
    private const int Thick = 1;

    /// <summary>A thin piece's colours are compared with the person's core within this many opening radii.</summary>
    private const int CoreReach = 3;

    /// <summary>Side (px) of the tiles whose 3x3 squares are a pixel's neighbourhood.</summary>
    private const int Tile = 32;

    /// <summary>Chromaticity grid: levels of r/(r+g+b) and of g/(r+g+b); a colour's share counts its cell and the 8
    /// around it, so a stripe in shadow still matches the same stripe in the light.</summary>
    private const int Levels = 12;

    /// <summary>Two lightness levels (r+g+b below or above 384): a white stripe is not a grey-skinned shadow.</summary>
    private const int Bins = Levels * Levels * 2;

    /// <summary>Sets to 0 the probability of person pixels near the edge whose colour is the wall's (see the class).</summary>
    /// <param name="prob">Person probability both passes agree on (the smaller), changed in place.</param>
    /// <param name="high">The larger of the two passes' probabilities (wall samples are where even it is low; below the
    /// collar line the solid person is where it is high).</param>
    /// <param name="landmarks">The 68 landmarks: rows more than <see cref="AboveChin"/> face widths above the chin are
    /// judged against the colours of the sure person in the tiles around; rows below that line (the collar and the
    /// clothes, which the close pass may doubt: a light-blue jacket would read as a flag's blue) against the colours just
    /// around the pixel (<see cref="NearerTheWall"/>).</param>
    /// <param name="palette">Colours the whole photo's sure wall shows (<see cref="WallPalette"/>).</param>
    /// <param name="own">The person's own colours (<see cref="PersonPalette"/>).</param>
    /// <returns>1 for each pixel called wall by its colour (the edge refinement must not bring it back), else 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] VetoWallColours(RgbImage image, ReadOnlySpan<byte> valid, float[] prob, float[] high, IReadOnlyList<PointF> landmarks, int[] palette, PersonColours own)
    {
        int w = image.Width, h = image.Height, n = w * h;
        int tw = (w + Tile - 1) / Tile, th = (h + Tile - 1) / Tile;
        ReadOnlySpan<byte> px = image.Pixels;
        float[] person = new float[n], near = new float[n], deep = new float[n];
        for (int i = 0; i < n; i++)
        {
            person[i] = prob[i] >= 0.5f ? 1 : 0;
        }

        BoxFilter.Mean(person, near, w, h, Band);
        BoxFilter.Mean(person, deep, w, h, Inside);
        float[] either = new float[n], solid = new float[n];
        for (int i = 0; i < n; i++)
        {
            either[i] = high[i] >= 0.5f ? 1 : 0;
        }

        BoxFilter.Mean(either, solid, w, h, Solid);
        int[] wallCount = new int[Bins], personCount = new int[tw * th * Bins], personTotal = new int[tw * th];
        int walls = 0;
        for (int i = 0; i < n; i++)
        {
            if (valid[i] == 0)
            {
                continue;
            }

            if (high[i] <= 1 - Sure)
            {
                wallCount[Bin(px, i)]++;
                walls++;
            }
            else if (prob[i] >= Sure && deep[i] >= 0.999f)
            {
                int t = ((i / w / Tile) * tw) + (i % w / Tile);
                personCount[(t * Bins) + Bin(px, i)]++;
                personTotal[t]++;
            }
        }

        float[] candidate = new float[n];
        int judged = Math.Clamp((int)(landmarks[8].Y - (AboveChin * LandmarkGeometry.FaceWidth(landmarks))), 0, h) * w;
        for (int i = 0; walls > 0 && i < judged; i++)
        {
            if (person[i] == 0 || near[i] >= 0.999f || valid[i] == 0)
            {
                continue;
            }

            if (ChannelSpread.At(px, i) < MinChroma)
            {
                continue;
            }

            int tx = i % w / Tile, ty = i / w / Tile, c = Bin(px, i);
            float wallShare = Around(wallCount, 0, c) / (float)walls;
            if (wallShare < MinWallShare)
            {
                continue;
            }

            int persons = 0, personHits = 0;
            for (int y = Math.Max(0, ty - 1); y <= Math.Min(th - 1, ty + 1); y++)
            {
                for (int x = Math.Max(0, tx - 1); x <= Math.Min(tw - 1, tx + 1); x++)
                {
                    int t = (y * tw) + x;
                    persons += personTotal[t];
                    personHits += Around(personCount, t * Bins, c);
                }
            }

            candidate[i] = persons >= MinPersonSamples && wallShare > WallOverPerson * personHits / persons ? 1 : 0;
        }

        for (int i = judged; walls > 0 && i < n; i++)
        {
            if (person[i] != 0 && near[i] < 0.999f && valid[i] != 0 && ChannelSpread.At(px, i) >= MinChroma)
            {
                candidate[i] = NearerTheWall(px, valid, w, h, i, prob, solid) ? 1 : 0;
            }
        }

        PaletteJudgement(image, valid, palette, own, person, near, candidate, landmarks);

        // Patches, not pixels: a core where most of a 7x7 square is wall-coloured, and the wall-coloured pixels next to it.
        float[] around = Patches(candidate, w, h);
        byte[] vetoed = new byte[n];
        for (int i = 0; i < n; i++)
        {
            if (candidate[i] != 0 && around[i] > 0)
            {
                prob[i] = 0;
                vetoed[i] = 1;
            }
        }

        return vetoed;
    }

    /// <summary>Below the chin, where one pass is sure of the person and the other doubts (at least
    /// <see cref="Doubt"/>), a pixel of the clothes' colour (<see cref="PersonPalette"/>) that the whole photo's sure wall
    /// does not show, or shows at a share <see cref="WallOverPerson"/> times smaller than the clothes do (a dark jacket,
    /// of which a dark wall holds a few shadowed pixels somewhere), takes the sure pass's probability: the close pass
    /// doubts a jacket by the shoulder in patches (white blotches on it once cut out), the whole-photo pass vouches for it.</summary>
    /// <param name="prob">Person probability both passes agree on (the smaller), raised in place.</param>
    /// <param name="high">The larger of the two passes' probabilities.</param>
    /// <param name="palette">Colours the whole photo's sure wall shows (<see cref="WallPalette"/>).</param>
    /// <param name="own">The person's own colours (<see cref="PersonPalette"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TrustClothes(RgbImage image, ReadOnlySpan<byte> valid, float[] prob, float[] high, IReadOnlyList<PointF> landmarks, int[] palette, PersonColours own)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        (List<(int R, int G, int B)> clothes, int[] torso) = (own.Clothes, own.Torso);
        long walls = palette.Sum(), worn = torso.Sum();
        float[] doubted = new float[n];
        for (int i = (int)Math.Clamp(landmarks[8].Y, 0, h) * w; i < n; i++)
        {
            if (valid[i] != 0 && high[i] >= Sure && prob[i] >= Doubt && prob[i] < high[i] && Math.Min(px[i * 3], Math.Min(px[(i * 3) + 1], px[(i * 3) + 2])) < MaxDarkest
                && Near(clothes, px, i) && (!Shows(palette, px, i, MinPalettePixels) || RarerOnTheWall(palette, walls, torso, worn, px, i)))
            {
                doubted[i] = 1;
            }
        }

        // Patches, not lines: where most of a 7x7 square is such cloth (a jacket's blotch; not the rim of a blouse by a flag).
        float[] around = Patches(doubted, w, h);
        for (int i = 0; i < n; i++)
        {
            if (doubted[i] != 0 && around[i] > 0)
            {
                prob[i] = high[i];
            }
        }
    }

    /// <summary>After the edge refinement: the guided filter follows the wall's own edges too and can lift a faint piece of
    /// a flag's stripe beside the neck over the ramp where the coarse matte calls it wall (below one half). Such a lifted
    /// pixel whose colour is saturated and alike none of the person's own (the interior nearby, the clothes; see
    /// <see cref="PaletteJudgement"/>) is set to 0, in patches (most of a 7x7 square such pixels).</summary>
    /// <param name="prob">The coarse person probability after the cleanup.</param>
    /// <param name="alpha">Opacity after the edge refinement, changed in place.</param>
    /// <param name="own">The person's own colours (<see cref="PersonPalette"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DropLiftedWallColours(RgbImage image, ReadOnlySpan<byte> valid, float[] prob, float[] alpha, IReadOnlyList<PointF> landmarks, PersonColours own)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        float[]? lifted = null;
        for (int i = 0; i < n; i++)
        {
            if (alpha[i] > 0 && prob[i] < 0.5f && valid[i] != 0 && ChannelSpread.At(px, i) >= MinChroma)
            {
                lifted ??= new float[n];
                lifted[i] = 1;
            }
        }

        if (lifted is null)
        {
            return;
        }

        (byte[] interior, List<(int R, int G, int B)> clothes) = (own.Interior, own.Clothes);
        int reach = (int)(InteriorReach * LandmarkGeometry.FaceWidth(landmarks));
        for (int i = 0; i < n; i++)
        {
            if (lifted[i] != 0 && (Near(clothes, px, i) || !FarFromInterior(px, interior, w, h, i, reach)))
            {
                lifted[i] = 0;
            }
        }

        float[] around = Patches(lifted, w, h);
        for (int i = 0; i < n; i++)
        {
            if (lifted[i] != 0 && around[i] > 0)
            {
                alpha[i] = 0;
            }
        }
    }

    /// <summary>After the edge refinement, a shape rule: pieces of the visible cut-out joined to the person only by a neck
    /// narrower than 2 * <see cref="NeckWidth"/> face widths (what a morphological opening with that radius removes and
    /// does not grow back from the broad body: head, hair core, torso) are wall where most of their pixels are alike no
    /// colour of the person's core nearby (the pixels the opening's erosion keeps, within <see cref="CoreReach"/> radii)
    /// and within <see cref="FarFromPerson"/> of a colour of the sure wall nearby: a faint piece of a flag's stripe the
    /// edge refinement lifts beside the neck, a fleck of the flag's blue by the temple. What stays: hair strands and their
    /// tips mixed with a pale wall (of no wall's colour: the wall test has no shade rule), ear rims and collar tips (the
    /// person's colours), a piece with no pixel <see cref="Thick"/> px inside it (a fringe of strand tips), and a piece
    /// reaching the photo's lower edge (the body goes on below the frame). With a piece go the lifted pixels linked to it
    /// (coarse probability below one half) of the same wall colour, which the opening grew back from the body.</summary>
    /// <param name="prob">The coarse person probability after the cleanup.</param>
    /// <param name="high">The larger of the two passes' probabilities (the sure wall is where even it is low).</param>
    /// <param name="alpha">Opacity after the edge refinement, changed in place.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DropThinPieces(RgbImage image, ReadOnlySpan<byte> valid, float[] prob, float[] high, float[] alpha, IReadOnlyList<PointF> landmarks)
    {
        int w = image.Width, h = image.Height, n = w * h;
        int radius = Math.Max(2, (int)Math.Round(NeckWidth * LandmarkGeometry.FaceWidth(landmarks)));
        float[] visible = new float[n], mean = new float[n], core = new float[n];
        for (int i = 0; i < n; i++)
        {
            visible[i] = alpha[i] > 0 ? 1 : 0;
        }

        BoxFilter.Mean(visible, mean, w, h, radius);
        for (int i = 0; i < n; i++)
        {
            core[i] = mean[i] >= 0.999f ? 1 : 0;
        }

        BoxFilter.Mean(core, mean, w, h, radius);
        var thin = new bool[n];
        bool any = false;
        for (int i = 0; i < n; i++)
        {
            thin[i] = visible[i] != 0 && mean[i] <= 0;
            any |= thin[i];
        }

        if (!any)
        {
            return;
        }

        ReadOnlySpan<byte> px = image.Pixels;
        int reach = CoreReach * radius;
        using RegionLabels pieces = RegionLabeller.Label(new BoolMask(thin), w, h, Connectivity.Eight);
        for (int id = 1; id <= pieces.Count; id++)
        {
            // The piece: thin pixels linked to each other (8-neighbours).
            ReadOnlySpan<int> piece = pieces.Pixels(id);
            int foreign = 0;
            bool framed = false;
            foreach (int i in piece)
            {
                foreign += FarFromCore(px, core, w, h, i, reach, 2) && NearSureWall(px, valid, high, w, h, i, reach) ? 1 : 0;
                framed |= i >= n - w;
            }

            // A piece reaching the photo's lower edge is the body going on below the frame (a jacket's tip); a piece
            // with no pixel Thick px from its rim is a fringe of strands (their tips mixed with the wall), not a patch.
            if (framed || piece.Length < MinPiece || 2 * foreign <= piece.Length || !HasCore(pieces.Labels, id, w, h, piece))
            {
                continue;
            }

            // The opening grows back what lies within its radius of the body; of that, the wall-coloured pixels (alike
            // the sure wall, alike no core colour) the coarse matte calls wall (lifted by the edge refinement) and that
            // link to the piece go with it.
            foreach (int i in piece)
            {
                alpha[i] = 0;
            }

            var lifted = new LiftedWall(px, valid, prob, high, alpha, core, w, h, reach);
            ScanlineFill.Spread(ref lifted, w, h, piece, Connectivity.Eight);
        }
    }

    /// <summary>The pixels <see cref="DropThinPieces"/> takes with a piece: visible, called wall by the coarse matte, not
    /// the core, alike no core colour and alike the sure wall nearby; entering one makes it transparent.</summary>
    private readonly ref struct LiftedWall(ReadOnlySpan<byte> px, ReadOnlySpan<byte> valid, float[] prob, float[] high, float[] alpha, float[] core, int w, int h, int reach) : IFillRegion
    {
        private readonly ReadOnlySpan<byte> _px = px, _valid = valid;

        public bool CanEnter(int index) =>
            alpha[index] > 0 && prob[index] < 0.5f && core[index] == 0 && FarFromCore(_px, core, w, h, index, reach, 2) && NearSureWall(_px, _valid, high, w, h, index, reach);

        public void Enter(int start, int length) => alpha.AsSpan(start, length).Clear();
    }

    /// <summary>Whether some pixel of the piece (pixels labelled <paramref name="id"/>) has the whole square of half side
    /// <see cref="Thick"/> around it in the piece.</summary>
    private static bool HasCore(ReadOnlySpan<int> label, int id, int w, int h, ReadOnlySpan<int> piece)
    {
        foreach (int i in piece)
        {
            int x0 = i % w, y0 = i / w;
            if (x0 < Thick || y0 < Thick || x0 >= w - Thick || y0 >= h - Thick)
            {
                continue;
            }

            bool full = true;
            for (int y = y0 - Thick; full && y <= y0 + Thick; y++)
            {
                for (int x = x0 - Thick; full && x <= x0 + Thick; x++)
                {
                    full = label[(y * w) + x] == id;
                }
            }

            if (full)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the pixel's colour is within <see cref="FarFromPerson"/> (RGB distance, no shade rule: a strand's
    /// tip mixed with a pale wall is of the wall's hue but not its colour) of a pixel of the photo within
    /// <paramref name="reach"/> px (every second row and column) that even the larger pass is sure is wall.</summary>
    internal static bool NearSureWall(ReadOnlySpan<byte> px, ReadOnlySpan<byte> valid, float[] high, int w, int h, int i, int reach)
    {
        int x0 = i % w, y0 = i / w, r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
        for (int y = Math.Max(0, y0 - reach); y <= Math.Min(h - 1, y0 + reach); y += 2)
        {
            for (int x = Math.Max(0, x0 - reach); x <= Math.Min(w - 1, x0 + reach); x += 2)
            {
                int j = (y * w) + x;
                int dr = px[j * 3] - r, dg = px[(j * 3) + 1] - g, db = px[(j * 3) + 2] - b;
                if (valid[j] != 0 && high[j] <= 1 - Sure && (dr * dr) + (dg * dg) + (db * db) < FarFromPerson * FarFromPerson)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the pixel's colour is alike (<see cref="Alike"/>) no pixel of <paramref name="core"/> within
    /// <paramref name="reach"/> px, read every <paramref name="step"/>-th row and column.</summary>
    internal static bool FarFromCore(ReadOnlySpan<byte> px, float[] core, int w, int h, int i, int reach, int step)
    {
        int x0 = i % w, y0 = i / w, r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
        for (int y = Math.Max(0, y0 - reach); y <= Math.Min(h - 1, y0 + reach); y += step)
        {
            for (int x = Math.Max(0, x0 - reach); x <= Math.Min(w - 1, x0 + reach); x += step)
            {
                int j = (y * w) + x;
                if (core[j] != 0 && Alike(r, g, b, px[j * 3], px[(j * 3) + 1], px[(j * 3) + 2]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Sets to 0 the probability of every pixel at or above <see cref="Link"/> that is not linked to the pixel at
    /// <paramref name="eyes"/> through such pixels (8-neighbours); fainter pixels keep theirs (the edge refinement's
    /// ramp makes them wall).</summary>
    /// <param name="link">Least probability that links (<see cref="Link"/> unless given).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void KeepFaceRegion(float[] prob, int width, int height, PointF eyes, float link = Link)
    {
        int n = width * height;
        int seed = (Math.Clamp((int)eyes.Y, 0, height - 1) * width) + Math.Clamp((int)eyes.X, 0, width - 1);
        if (prob[seed] < link)
        {
            return;
        }

        var passable = new bool[n];
        for (int i = 0; i < n; i++)
        {
            passable[i] = prob[i] >= link;
        }

        bool[] kept = Grow(passable, width, height, [seed]);
        for (int i = 0; i < n; i++)
        {
            if (passable[i] && !kept[i])
            {
                prob[i] = 0;
            }
        }
    }

    /// <summary>The pixels linked to any of the seeds (themselves passable) through passable pixels (8-neighbours).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool[] Grow(bool[] passable, int width, int height, ReadOnlySpan<int> seeds)
    {
        var kept = new bool[width * height];
        var region = new Reached(passable, kept);
        ScanlineFill.Fill(ref region, width, height, seeds, Connectivity.Eight);
        return kept;
    }

    /// <summary>Passable pixels not reached yet; entering one marks it reached.</summary>
    private readonly struct Reached(bool[] passable, bool[] kept) : IFillRegion
    {
        public bool CanEnter(int index) => passable[index] && !kept[index];

        public void Enter(int start, int length) => kept.AsSpan(start, length).Fill(true);
    }

    /// <summary>Below the collar line: whether the pixel's colour is nearer the wall just outside (pixels of the photo at
    /// least one pass is sure are wall) than any colour of the solid person nearby (see <see cref="Solid"/>), by at least
    /// <see cref="NearerBy"/> times, and far from every one of those person colours: a flag's stripe in the corner between
    /// the jaw and the shoulder, beside a navy jacket, skin and a white collar.</summary>
    private static bool NearerTheWall(ReadOnlySpan<byte> px, ReadOnlySpan<byte> valid, int w, int h, int i, float[] prob, float[] solid)
    {
        int x0 = i % w, y0 = i / w, r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
        int toWall = int.MaxValue, toPerson = int.MaxValue, walls = 0, persons = 0;
        for (int y = Math.Max(0, y0 - Reach); y <= Math.Min(h - 1, y0 + Reach); y += 2)
        {
            for (int x = Math.Max(0, x0 - Reach); x <= Math.Min(w - 1, x0 + Reach); x += 2)
            {
                int j = (y * w) + x;
                if (valid[j] == 0)
                {
                    continue; // beyond the photo: a guessed fill colour, not the wall
                }

                bool wall = prob[j] <= 1 - Sure, own = solid[j] >= 0.999f;
                if (!wall && !own)
                {
                    continue;
                }

                int dr = px[j * 3] - r, dg = px[(j * 3) + 1] - g, db = px[(j * 3) + 2] - b, d = (dr * dr) + (dg * dg) + (db * db);
                if (wall)
                {
                    walls++;
                    toWall = Math.Min(toWall, d);
                }
                else if (d < FarFromPerson * FarFromPerson)
                {
                    return false; // the person's own colour is near
                }
                else
                {
                    persons++;
                    toPerson = Math.Min(toPerson, d);
                }
            }
        }

        return walls >= MinNearSamples && persons >= MinNearSamples && toPerson > NearerBy * NearerBy * toWall;
    }

    /// <summary>The person's own colours: the solid interior (pixels at least one pass is sure of,
    /// <see cref="InteriorDepth"/> face widths or more inside the region either pass calls person, the mouth left out)
    /// and the clothes (the interior's colours below the chin, cells of at least <see cref="MinPalettePixels"/>).</summary>
    /// <param name="high">The larger of the two passes' probabilities (the region either pass calls person: at least one half).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PersonColours PersonPalette(RgbImage image, ReadOnlySpan<byte> valid, float[] high, IReadOnlyList<PointF> landmarks)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        double faceWidth = LandmarkGeometry.FaceWidth(landmarks);
        float[] either = new float[n], inside = new float[n];
        for (int i = 0; i < n; i++)
        {
            either[i] = high[i] >= 0.5f ? 1 : 0;
        }

        BoxFilter.Mean(either, inside, w, h, Math.Max(1, (int)(InteriorDepth * faceWidth)));
        float left = float.MaxValue, right = float.MinValue, top = float.MaxValue, bottom = float.MinValue;
        for (int k = 48; k < 60; k++)
        {
            (left, right) = (Math.Min(left, landmarks[k].X), Math.Max(right, landmarks[k].X));
            (top, bottom) = (Math.Min(top, landmarks[k].Y), Math.Max(bottom, landmarks[k].Y));
        }

        float margin = (float)(0.1 * faceWidth);
        byte[] interior = new byte[n];
        for (int i = 0; i < n; i++)
        {
            int x = i % w, y = i / w;
            bool mouth = x >= left - margin && x <= right + margin && y >= top - margin && y <= bottom + margin;
            interior[i] = (byte)(valid[i] != 0 && high[i] >= Sure && inside[i] >= 0.999f && !mouth ? 1 : 0);
        }

        // The clothes: colours of the interior below the chin anywhere (a jacket's colour on one shoulder vouches for the other).
        int[] torso = new int[PaletteSide * PaletteSide * PaletteSide];
        for (int i = (int)Math.Clamp(landmarks[8].Y, 0, h) * w; i < n; i++)
        {
            if (interior[i] != 0)
            {
                torso[PaletteCell(px, i)]++;
            }
        }

        return new PersonColours(interior, Colours(torso), torso);
    }

    /// <summary>Anywhere in the band, above and below the collar line: a saturated person pixel whose colour the sure
    /// wall shows somewhere in the whole photo (a flag repeats its stripes beyond the crop), that is not alike any colour
    /// of the person's solid interior within <see cref="InteriorReach"/> face widths (face skin, hair, the torso: pixels
    /// at least one pass is sure of, <see cref="InteriorDepth"/> face widths or more inside the region either pass calls
    /// person, the mouth left out) nor any colour of the clothes (that interior below the chin, anywhere: a jacket in
    /// the light on one shoulder vouches for the same jacket in shade on the other), is a candidate: a flag's stripe that
    /// lies wholly inside the matte, with no wall of its colour beside it. A colour both palettes hold (a red jacket on a
    /// red flag) stays: the person wins ties. Such a colour that no sure wall shows either is a candidate only where its
    /// pixels link to a pixel not called person (a flag's red seen only behind the hair ends, reaching the wall beyond
    /// them); inside the person it is the person's own (a fold of a scarf, a jacket's sheen by the pearls).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PaletteJudgement(RgbImage image, ReadOnlySpan<byte> valid, int[] wall, PersonColours own, float[] person, float[] near, float[] candidate, IReadOnlyList<PointF> landmarks)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        double faceWidth = LandmarkGeometry.FaceWidth(landmarks);
        (byte[] interior, List<(int R, int G, int B)> clothes) = (own.Interior, own.Clothes);
        int reach = (int)(InteriorReach * faceWidth);
        var foreign = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (candidate[i] != 0 || person[i] == 0 || near[i] >= 0.999f || valid[i] == 0 || ChannelSpread.At(px, i) < MinChroma)
            {
                continue;
            }

            if (!Near(clothes, px, i) && FarFromInterior(px, interior, w, h, i, reach))
            {
                if (Shows(wall, px, i, MinPalettePixels))
                {
                    candidate[i] = 1;
                }
                else
                {
                    foreign[i] = true;
                }
            }
        }

        // A colour neither the wall nor the person shows is wall only where it reaches the wall: a flag's stripe seen
        // only behind the hair ends; not a fold of a scarf or a jacket's sheen inside the person.
        var seeds = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (foreign[i] && Touches(person, valid, w, h, i))
            {
                seeds.Add(i);
            }
        }

        if (seeds.Count == 0)
        {
            return;
        }

        bool[] outer = Grow(foreign, w, h, CollectionsMarshal.AsSpan(seeds));
        for (int i = 0; i < n; i++)
        {
            if (outer[i])
            {
                candidate[i] = 1;
            }
        }
    }

    /// <summary>Whether a pixel of the photo next to the pixel (8-neighbours) is not called person.</summary>
    internal static bool Touches(float[] person, ReadOnlySpan<byte> valid, int w, int h, int i)
    {
        int x0 = i % w, y0 = i / w;
        for (int y = Math.Max(0, y0 - 1); y <= Math.Min(h - 1, y0 + 1); y++)
        {
            for (int x = Math.Max(0, x0 - 1); x <= Math.Min(w - 1, x0 + 1); x++)
            {
                int j = (y * w) + x;
                if (person[j] == 0 && valid[j] != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The wall palette of the whole photo: counts per RGB cell of the photo's pixels (on a grid of about
    /// <see cref="PaletteSamples"/>) that the whole-photo pass is sure are wall. A flag shows its stripes' colours on the
    /// wall somewhere, also where the crop holds only the stripe beside the person.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] WallPalette(RgbImage source, PersonMask matte)
    {
        int[] wall = new int[PaletteSide * PaletteSide * PaletteSide];
        int step = Math.Max(1, (int)Math.Sqrt(source.PixelCount / (double)PaletteSamples));
        ReadOnlySpan<byte> px = source.Pixels;
        for (int y = step / 2; y < source.Height; y += step)
        {
            for (int x = step / 2; x < source.Width; x += step)
            {
                if (matte.At(x + 0.5, y + 0.5) <= 1 - Sure)
                {
                    wall[PaletteCell(px, (y * source.Width) + x)]++;
                }
            }
        }

        return wall;
    }

    /// <summary>Whether a palette (the sure wall's, the clothes') shows the pixel's colour: its cell and those next to it
    /// hold at least <paramref name="least"/> pixels.</summary>
    private static bool Shows(int[] palette, ReadOnlySpan<byte> px, int i, int least) => CellSum(palette, px, i) >= least;

    /// <summary>Where marked pixels (1, else 0) form patches: a core where most (0.7) of a square of side
    /// 2 * <see cref="PatchRadius"/> + 1 is marked, and the square around each core pixel. A marked pixel belongs to a
    /// patch where the returned value is above 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float[] Patches(float[] marked, int w, int h)
    {
        int n = w * h;
        float[] around = new float[n], core = new float[n];
        BoxFilter.Mean(marked, around, w, h, PatchRadius);
        for (int i = 0; i < n; i++)
        {
            core[i] = around[i] >= 0.7f ? 1 : 0;
        }

        BoxFilter.Mean(core, around, w, h, PatchRadius);
        return around;
    }

    /// <summary>Pixels a palette holds in the pixel's RGB cell and the cells next to it.</summary>
    private static int CellSum(int[] palette, ReadOnlySpan<byte> px, int i)
    {
        int cr = px[i * 3] / PaletteStep, cg = px[(i * 3) + 1] / PaletteStep, cb = px[(i * 3) + 2] / PaletteStep, sum = 0;
        for (int r = Math.Max(0, cr - 1); r <= Math.Min(PaletteSide - 1, cr + 1); r++)
        {
            for (int g = Math.Max(0, cg - 1); g <= Math.Min(PaletteSide - 1, cg + 1); g++)
            {
                for (int b = Math.Max(0, cb - 1); b <= Math.Min(PaletteSide - 1, cb + 1); b++)
                {
                    sum += palette[(((r * PaletteSide) + g) * PaletteSide) + b];
                }
            }
        }

        return sum;
    }

    /// <summary>Whether the pixel's colour (its cell and those next to it) is at least <see cref="WallOverPerson"/> times
    /// commoner among the clothes than on the whole photo's sure wall, as shares: a dark jacket's colour, of which a dark
    /// wall holds a few shadowed pixels somewhere.</summary>
    private static bool RarerOnTheWall(int[] wall, long walls, int[] clothes, long worn, ReadOnlySpan<byte> px, int i) =>
        worn > 0 && walls > 0 && WallOverPerson * CellSum(wall, px, i) / (double)walls < CellSum(clothes, px, i) / (double)worn;

    /// <summary>Whether the pixel's colour is at least <see cref="FarFromPerson"/> (RGB distance) from every interior
    /// pixel within <paramref name="reach"/> px (every second row and column), with at least <see cref="MinNearSamples"/> of them.</summary>
    private static bool FarFromInterior(ReadOnlySpan<byte> px, byte[] interior, int w, int h, int i, int reach)
    {
        int x0 = i % w, y0 = i / w, r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2], samples = 0;
        for (int y = Math.Max(0, y0 - reach); y <= Math.Min(h - 1, y0 + reach); y += 2)
        {
            for (int x = Math.Max(0, x0 - reach); x <= Math.Min(w - 1, x0 + reach); x += 2)
            {
                int j = (y * w) + x;
                if (interior[j] == 0)
                {
                    continue;
                }

                if (Alike(r, g, b, px[j * 3], px[(j * 3) + 1], px[(j * 3) + 2]))
                {
                    return false;
                }

                samples++;
            }
        }

        return samples >= MinNearSamples;
    }

    /// <summary>The centre colours of the palette's cells that hold at least <see cref="MinPalettePixels"/> pixels.</summary>
    private static List<(int R, int G, int B)> Colours(int[] palette)
    {
        var colours = new List<(int R, int G, int B)>();
        const int Half = PaletteStep / 2;
        for (int c = 0; c < palette.Length; c++)
        {
            if (palette[c] >= MinPalettePixels)
            {
                colours.Add(((c / PaletteSide / PaletteSide * PaletteStep) + Half, (c / PaletteSide % PaletteSide * PaletteStep) + Half, (c % PaletteSide * PaletteStep) + Half));
            }
        }

        return colours;
    }

    /// <summary>Whether the pixel's colour is within <see cref="FarFromPerson"/> (RGB distance) of one of the colours.</summary>
    private static bool Near(List<(int R, int G, int B)> colours, ReadOnlySpan<byte> px, int i)
    {
        int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
        foreach ((int cr, int cg, int cb) in colours)
        {
            if (Alike(r, g, b, cr, cg, cb))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two colours are alike when they are within <see cref="FarFromPerson"/> (RGB distance), or of one
    /// chromaticity (shares of R and G within <see cref="ShadeShare"/>) at most twice as light as each other: the same
    /// cloth in light and in shade.</summary>
    internal static bool Alike(int r, int g, int b, int r2, int g2, int b2)
    {
        int dr = r - r2, dg = g - g2, db = b - b2;
        if ((dr * dr) + (dg * dg) + (db * db) < FarFromPerson * FarFromPerson)
        {
            return true;
        }

        int sum = r + g + b + 1, sum2 = r2 + g2 + b2 + 1;
        if (sum > 2 * sum2 || sum2 > 2 * sum)
        {
            return false;
        }

        double er = (r / (double)sum) - (r2 / (double)sum2), eg = (g / (double)sum) - (g2 / (double)sum2);
        return (er * er) + (eg * eg) < ShadeShare * ShadeShare;
    }

    private static int PaletteCell(ReadOnlySpan<byte> px, int i) =>
        (((px[i * 3] / PaletteStep * PaletteSide) + (px[(i * 3) + 1] / PaletteStep)) * PaletteSide) + (px[(i * 3) + 2] / PaletteStep);

    /// <summary>The chromaticity cell of a pixel and its lightness level (see <see cref="Levels"/>).</summary>
    private static int Bin(ReadOnlySpan<byte> px, int i)
    {
        int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2], sum = r + g + b;
        int cr = Math.Min(Levels - 1, r * Levels / (sum + 1)), cg = Math.Min(Levels - 1, g * Levels / (sum + 1));
        return (((sum >= 384 ? 1 : 0) * Levels) + cr) * Levels + cg;
    }

    /// <summary>Count of a cell and the 8 cells around it in chromaticity (same lightness level).</summary>
    private static int Around(int[] counts, int start, int bin)
    {
        int light = bin / (Levels * Levels), cr = bin / Levels % Levels, cg = bin % Levels, sum = 0;
        for (int r = Math.Max(0, cr - 1); r <= Math.Min(Levels - 1, cr + 1); r++)
        {
            for (int g = Math.Max(0, cg - 1); g <= Math.Min(Levels - 1, cg + 1); g++)
            {
                sum += counts[start + (((light * Levels) + r) * Levels) + g];
            }
        }

        return sum;
    }
}
