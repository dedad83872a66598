using System.Globalization;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Experiment: clothing lightness measure variants on the devset, on two face pipelines (the 352 cascade alone and the
/// 160 probe). For each variant: the 18 clothing.light against the 20 compliant photos (caught, lightest compliant,
/// darkest light, gap), the largest change between the pipelines, and how the measure tracks the label's clothing_L
/// (whole shirt in the original) over every devset photo whose pixels keep the clothing colours (Spearman rho, and the
/// errors of the 38-photo threshold on those with clothing_L in 75-95).
/// <para>
/// Result (2026-11-23): no variant separates all 18 light from the 20 compliant photos on either pipeline. The residual
/// of every variant about the label is about 2.7 L* or more on the 38 (and the same person's geometric variants spread by
/// about 3 L*), while the labels either side of 85 lie 0.4 L* apart (84.9 compliant, 85.3 light; six light labels within
/// 0.8 of 85): the label's whole shirt is mostly below the crop. Note: every clothing_L above 85 belongs to a person with a
/// single photo (the clothing.light one), so the wider devset checks the compliant side only.
/// </para>
/// </summary>
internal static class ClothingTable
{
    /// <summary>Labels whose photos keep the person's pixels (geometry, file or sharpness edits only).</summary>
    private static readonly HashSet<string> s_keepColours =
    [
        "compliant", "clothing.light", "face.size", "face.position", "pose.roll", "file.size", "image.dpi", "file.name",
        "sharpness.blur", "sharpness.ghost", "expression.neutral", "image.dimensions", "file.format", "lighting.uneven",
    ];

    public static void Run(string[] args)
    {
        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        var pipelines = new (string Name, CheckerFaceDetector Detector)[]
        {
            ("352", CheckerFaceDetector.CascadeOnly(models)),
            ("160", new CheckerFaceDetector(models, 160)),
        };
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);
        string root = Path.GetDirectoryName(FaceBenchInputs.DevsetImages)!;
        var variants = Variants();
        bool listAll = args.Contains("--list");
        string? only = args.SkipWhile(a => a != "--show").Skip(1).FirstOrDefault();

        var rows = new List<Row>();
        foreach (string line in File.ReadLines(Path.Combine(root, "labels.tsv")).Skip(1))
        {
            string[] c = line.Split('\t');
            if (!s_keepColours.Contains(c[1]))
            {
                continue;
            }

            byte[] bytes = File.ReadAllBytes(Path.Combine(root, "images", c[0]));
            var row = new Row(c[0], c[1], double.Parse(c[8], CultureInfo.InvariantCulture), c[3], new double?[pipelines.Length, variants.Count]);
            for (int p = 0; p < pipelines.Length; p++)
            {
                try
                {
                    using PhotoContext ctx = PhotoContext.Create(bytes, c[0], profile, pipelines[p].Detector);
                    if (ctx.Image is null || ctx.PrimaryFace is not { HasLandmarks: true })
                    {
                        continue;
                    }

                    Sample s = Sample.Collect(ctx);
                    for (int v = 0; v < variants.Count; v++)
                    {
                        row.Values[p, v] = variants[v].F(s);
                    }
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException)
                {
                }
            }

            rows.Add(row);
        }

        Console.WriteLine("per pipeline (352 cascade | 160 probe): res38/resW = residual SD (L*) about the fitted line on the label, 38 photos / all");
        Console.WriteLine("colour-keeping photos with clothing_L >= 60; within = SD between photos of one person; caught maxC minL light2 gap thr on the 38;");
        Console.WriteLine("wide: n, Spearman rho vs clothing_L, non-core label<=85 photos over thr, AUC light(>85) vs the rest | max|352-160| on the 38 / all");
        for (int v = 0; v < variants.Count; v++)
        {
            var cells = new List<string>();
            for (int p = 0; p < pipelines.Length; p++)
            {
                cells.Add(Summary(rows, p, v));
            }

            double maxd = rows.Where(r => r.Values[0, v] is not null && r.Values[1, v] is not null)
                .Select(r => Math.Abs(r.Values[0, v]!.Value - r.Values[1, v]!.Value)).DefaultIfEmpty(0).Max();
            double maxd38 = rows.Where(r => r.Expected is "compliant" or "clothing.light" && r.Values[0, v] is not null && r.Values[1, v] is not null)
                .Select(r => Math.Abs(r.Values[0, v]!.Value - r.Values[1, v]!.Value)).DefaultIfEmpty(0).Max();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{variants[v].Name,-34} | {string.Join(" | ", cells)} | {maxd38:F2}/{maxd:F2}"));
        }

        for (int v = 0; v < variants.Count; v++)
        {
            if (!listAll && variants[v].Name != only)
            {
                continue;
            }

            for (int p = 0; p < pipelines.Length; p++)
            {
                Console.WriteLine($"{variants[v].Name} [{pipelines[p].Name}]: " + string.Join(" ", rows
                    .Where(r => r.Expected is "compliant" or "clothing.light" && r.Values[p, v] is not null && r.Label > 75)
                    .OrderBy(r => r.Values[p, v])
                    .Select(r => string.Create(CultureInfo.InvariantCulture, $"{(r.Expected == "clothing.light" ? "L" : "c")}{r.Values[p, v]:F1}({r.Label:F1}):{r.File[..4]}"))));
            }

            foreach (var g in rows.Where(r => r.Label is > 80 and <= 85 && r.Values[1, v] is not null).GroupBy(r => r.Person + " " + r.Label.ToString(CultureInfo.InvariantCulture)))
            {
                Console.WriteLine($"  {g.Key}: " + string.Join(" ", g.OrderBy(r => r.Values[1, v]).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Expected}={r.Values[1, v]:F1}"))));
            }

            // Wide set, 160 pipeline: label vs value for those near the boundary.
            Console.WriteLine("wide near 85 [160]: " + string.Join(" ", rows
                .Where(r => r.Values[1, v] is not null && r.Label is > 78 and < 92)
                .OrderBy(r => r.Values[1, v])
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Values[1, v]:F1}({r.Label:F1}{(r.Label > 85 ? "*" : "")}):{r.Expected[..4]}"))));
        }
    }

    private static string Summary(List<Row> rows, int p, int v)
    {
        var core = rows.Where(r => r.Expected is "compliant" or "clothing.light").ToList();
        var comp = core.Where(r => r.Expected == "compliant" && r.Values[p, v] is not null).Select(r => r.Values[p, v]!.Value).ToList();
        var light = core.Where(r => r.Expected == "clothing.light").Select(r => r.Values[p, v] ?? double.NaN).Order().ToList();
        double maxC = comp.Count > 0 ? comp.Max() : double.NaN;
        int caught = light.Count(x => x > maxC);
        double minL = light[0];
        double thr = (maxC + minL) / 2;
        if (caught < 17 || double.IsNaN(minL))
        {
            thr = (maxC + light.Where(x => x > maxC).DefaultIfEmpty(maxC).Min()) / 2;
        }

        var wide = rows.Where(r => r.Values[p, v] is not null && r.Expected != "lighting.uneven").ToList();
        double rho = Spearman(wide.Select(r => r.Label).ToArray(), wide.Select(r => r.Values[p, v]!.Value).ToArray());
        var neg = wide.Where(r => r.Label <= 85 && r.Expected != "compliant").ToList();
        int fp = neg.Count(r => r.Values[p, v]!.Value > thr);
        var pos = wide.Where(r => r.Label > 85).Select(r => r.Values[p, v]!.Value).ToList();
        var allNeg = wide.Where(r => r.Label <= 85).Select(r => r.Values[p, v]!.Value).ToList();
        double auc = pos.Sum(x => allNeg.Sum(y => x > y ? 1.0 : x == y ? 0.5 : 0)) / (pos.Count * (double)allNeg.Count);
        var core2 = core.Where(r => r.Values[p, v] is not null).ToList();
        double res38 = ResidualSd(core2.Select(r => r.Label).ToArray(), core2.Select(r => r.Values[p, v]!.Value).ToArray());
        var frl = wide.Where(r => r.Label >= 60).ToList();
        double resWide = ResidualSd(frl.Select(r => r.Label).ToArray(), frl.Select(r => r.Values[p, v]!.Value).ToArray());
        double within = Math.Sqrt(frl.GroupBy(r => r.Person + r.Label.ToString(CultureInfo.InvariantCulture)).Where(g => g.Count() > 1)
            .SelectMany(g => { double m = g.Average(r => r.Values[p, v]!.Value); return g.Select(r => (r.Values[p, v]!.Value - m) * (r.Values[p, v]!.Value - m)); })
            .DefaultIfEmpty(0).Average());
        return string.Create(CultureInfo.InvariantCulture,
            $"res38 {res38:F2} resW {resWide:F2} within {within:F2} {caught,2}/18 {maxC,5:F2} {minL,5:F2} {(light.Count > 1 ? light[1] : double.NaN),5:F2} {minL - maxC,5:F2} {thr,5:F2} | {wide.Count,3} {rho,5:F3} fp{fp,3}/{neg.Count,-3} auc{auc:F3}");
    }

    /// <summary>Residual SD of the value about its least-squares line on the label, in label units (L*).</summary>
    private static double ResidualSd(double[] label, double[] value)
    {
        double ml = label.Average(), mv = value.Average();
        double slv = 0, sll = 0;
        for (int i = 0; i < label.Length; i++)
        {
            slv += (label[i] - ml) * (value[i] - mv);
            sll += (label[i] - ml) * (label[i] - ml);
        }

        double slope = slv / sll;
        double ss = 0;
        for (int i = 0; i < label.Length; i++)
        {
            double e = value[i] - (mv + (slope * (label[i] - ml)));
            ss += e * e;
        }

        return Math.Sqrt(ss / label.Length) / Math.Abs(slope);
    }

    private static double Spearman(double[] a, double[] b)
    {
        double[] ra = Ranks(a), rb = Ranks(b);
        double ma = ra.Average(), mb = rb.Average();
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < ra.Length; i++)
        {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    private static double[] Ranks(double[] x)
    {
        int[] order = [.. Enumerable.Range(0, x.Length).OrderBy(i => x[i])];
        double[] r = new double[x.Length];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && x[order[j + 1]] == x[order[i]])
            {
                j++;
            }

            for (int k = i; k <= j; k++)
            {
                r[order[k]] = (i + j) / 2.0;
            }

            i = j + 1;
        }

        return r;
    }

    private static List<(string Name, Func<Sample, double?> F)> Variants()
    {
        var list = new List<(string, Func<Sample, double?>)>
        {
            ("current(ClothingMeasure)", s => s.Current),
            ("eroded r1", s => s.Eroded(0.25, 0.9, 4, 14, 1, 0)),
            ("side min", s => s.Eroded(0.25, 0.9, 4, 14, 0, -1)),
            ("side max", s => s.Eroded(0.25, 0.9, 4, 14, 0, 1)),
            ("eroded r2", s => s.Eroded(0.25, 0.9, 4, 14, 2, 0)),
            ("median", s => Stat(s.Pixels(0.25, 0.9, 4, 14), l => Percentile(l, 0.5))),
            ("p75 (lit part)", s => Stat(s.Pixels(0.25, 0.9, 4, 14), l => Percentile(l, 0.75))),
            ("lit half mean", s => Stat(s.Pixels(0.25, 0.9, 4, 14), l => { l.Sort(); return l.Skip(l.Count / 2).Average(); })),
            ("dark half mean", s => Stat(s.Pixels(0.25, 0.9, 4, 14), l => { l.Sort(); return l.Take(l.Count / 2).Average(); })),
            ("share L>=95 (merges with bg)", s => Stat(s.Pixels(0.25, 0.9, 4, 14), l => 100.0 * l.Count(x => x >= 95) / l.Count)),
            ("tol floor 2", s => s.Eroded(0.25, 0.9, 2, 14, 0, 0)),
            ("tol floor 8", s => s.Eroded(0.25, 0.9, 8, 14, 0, 0)),
            ("skin distance 20", s => s.Eroded(0.25, 0.9, 4, 20, 0, 0)),
            ("neck skin - face skin", s => s.NeckSkin(0.25, 0.9) is { } n ? n - s.Skin.L : null),
            ("current + 0.5(neck-face skin)", s => s.Current is { } c && s.NeckSkin(0.25, 0.9) is { } n ? c + (0.5 * (n - s.Skin.L)) : null),
            ("lowest 0.1w rows (photo-tied)", s => Stat(s.Pixels(99, 0.9, 4, 14, 0, 0.1), Mean)),
            ("lowest 0.2w rows (photo-tied)", s => Stat(s.Pixels(99, 0.9, 4, 14, 0, 0.2), Mean)),
        };
        list.Add(("slope L*/w down", s => s.Slope(0.25, 0.9) is { } t ? t.Slope : null));
        foreach (double d in new[] { 0.25, 0.5, 1.0 })
        {
            double dd = d;
            list.Add(($"extrapolated {dd}w lower", s => s.Slope(0.25, 0.9) is { } t ? t.Mean + (t.Slope * dd) : null));
        }

        foreach (double c in new[] { 6.0, 10.0, 14.0 })
        {
            double cc = c;
            list.Add(($"achromatic C<{cc}", s => s.Achromatic(0.25, 0.9, cc)));
        }

        list.Add(("column medians mean", s => s.ColumnMedians(0.25, 0.9)));
        foreach (double bt in new[] { 0.2, 0.25, 0.3 })
        {
            foreach (double hw in new[] { 0.6, 0.7, 0.8, 0.9 })
            {
                double b = bt, h = hw;
                list.Add(($"bt{b} hw{h}", s => s.Eroded(b, h, 4, 14, 0, 0)));
            }
        }

        return list;
    }

    private static double? Stat(List<double>? l, Func<List<double>, double> f) => l is null ? null : f(l);

    private static double Mean(List<double> l) => l.Average();

    private static double Percentile(List<double> l, double q)
    {
        l.Sort();
        return l[(int)Math.Clamp(Math.Round(q * (l.Count - 1)), 0, l.Count - 1)];
    }

    private sealed record Row(string File, string Expected, double Label, string Person, double?[,] Values);

    /// <summary>The lower part of the photo (from the chin down) with per-pixel Lab and background distance.</summary>
    private sealed class Sample
    {
        public double Cx, ChinY, W;
        public double? Current;
        public int Width, Height, Top, Tolerance;
        public Lab Skin;
        public Lab[] LabPx = [];
        public int[] MinDiff = [];

        public static Sample Collect(PhotoContext ctx)
        {
            var f = ctx.PrimaryFace!;
            RgbImage img = ctx.Image!;
            var bg = ctx.Background.Rgb;
            var s = new Sample
            {
                Cx = f.EyeMidpoint.X, ChinY = f.Chin.Y, W = f.FaceWidth, Width = img.Width, Height = img.Height,
                Skin = ctx.SkinStats.MeanLab, Current = ctx.Clothing?.MeanLightness,
                Tolerance = ctx.Clothing?.Tolerance ?? ClothingMeasure.MinTolerance,
            };
            s.Top = Math.Clamp((int)s.ChinY, 1, img.Height - 2);
            int n = (img.Height - s.Top) * img.Width;
            s.LabPx = new Lab[n];
            s.MinDiff = new int[n];
            for (int y = s.Top; y < img.Height; y++)
            {
                ReadOnlySpan<byte> row = img.Row(y);
                for (int x = 0; x < img.Width; x++)
                {
                    int o = x * 3;
                    int i = ((y - s.Top) * img.Width) + x;
                    s.LabPx[i] = ColorSpace.ToLab(row[o], row[o + 1], row[o + 2]);
                    int m = int.MaxValue;
                    for (int dy = -1; dy <= 1; dy++)
                    {
                        int yy = Math.Clamp(y + dy, 0, img.Height - 1);
                        ReadOnlySpan<byte> r2 = img.Row(yy);
                        for (int dx = -1; dx <= 1; dx++)
                        {
                            int xx = Math.Clamp(x + dx, 0, img.Width - 1) * 3;
                            m = Math.Min(m, Math.Abs(r2[xx] - bg.R) + Math.Abs(r2[xx + 1] - bg.G) + Math.Abs(r2[xx + 2] - bg.B));
                        }
                    }

                    s.MinDiff[i] = m;
                }
            }

            return s;
        }

        /// <summary>Mean L* of skin-like pixels (person, within 14 of the face skin colour) in the band: the neck and chest.</summary>
        public double? NeckSkin(double bandTop, double hw)
        {
            (double sum, int n) = MeanL((int)Math.Round(ChinY + (bandTop * W)), hw, i =>
            {
                Lab lab = LabPx[i];
                double dl = lab.L - Skin.L, da = lab.A - Skin.A, db = lab.B - Skin.B;
                return MinDiff[i] > Tolerance && Math.Sqrt((da * da) + (db * db)) < 10 && Math.Abs(dl) < 30;
            });
            return n < 200 ? null : sum / n;
        }

        /// <summary>Sum and count of L* over the pixels of the band (from row <paramref name="top"/>, within
        /// <paramref name="hw"/> face widths of the face centre) that <paramref name="take"/> accepts (by pixel index).</summary>
        private (double Sum, int Count) MeanL(int top, double hw, Func<int, bool> take)
        {
            int y0 = Math.Max(Top, top);
            int x0 = Math.Max(1, (int)Math.Round(Cx - (hw * W))), x1 = Math.Min(Width - 2, (int)Math.Round(Cx + (hw * W)));
            double sum = 0;
            int n = 0;
            for (int y = y0; y <= Height - 2; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    int i = ((y - Top) * Width) + x;
                    if (take(i))
                    {
                        sum += LabPx[i].L;
                        n++;
                    }
                }
            }

            return (sum, n);
        }

        /// <summary>Mean clothing L* after eroding the clothing mask by <paramref name="r"/> px (square); side: 0 both, 1 the
        /// lighter of the two halves about the face centre, -1 the darker.</summary>
        public double? Eroded(double bandTop, double hw, int tolFloor, double skinDistance, int r, int side)
        {
            int y0 = Math.Max(Top, (int)Math.Round(Math.Min(ChinY + (bandTop * W), Height - (0.1 * W))));
            int y1 = Height - 2;
            int x0 = Math.Max(1, (int)Math.Round(Cx - (hw * W)));
            int x1 = Math.Min(Width - 2, (int)Math.Round(Cx + (hw * W)));
            int tol = Math.Max(tolFloor, Tolerance - ClothingMeasure.MinTolerance + tolFloor);
            int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
            if (bw <= 0 || bh <= 0)
            {
                return null;
            }

            var mask = new bool[bw * bh];
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    int i = ((y - Top) * Width) + x;
                    Lab lab = LabPx[i];
                    double dl = lab.L - Skin.L, da = lab.A - Skin.A, db = lab.B - Skin.B;
                    mask[((y - y0) * bw) + x - x0] = MinDiff[i] > tol && (dl * dl) + (da * da) + (db * db) >= skinDistance * skinDistance;
                }
            }

            double sl = 0, sr = 0;
            int nl = 0, nr = 0, all = 0;
            for (int y = 0; y < bh; y++)
            {
                for (int x = 0; x < bw; x++)
                {
                    if (!mask[(y * bw) + x])
                    {
                        continue;
                    }

                    all++;
                    bool keep = true;
                    for (int dy = -r; dy <= r && keep; dy++)
                    {
                        int yy = y + dy;
                        if (yy < 0 || yy >= bh)
                        {
                            continue;
                        }

                        for (int dx = -r; dx <= r; dx++)
                        {
                            int xx = x + dx;
                            if (xx >= 0 && xx < bw && !mask[(yy * bw) + xx])
                            {
                                keep = false;
                                break;
                            }
                        }
                    }

                    if (!keep)
                    {
                        continue;
                    }

                    double l = LabPx[((y + y0 - Top) * Width) + x + x0].L;
                    if (x + x0 < Cx)
                    {
                        sl += l;
                        nl++;
                    }
                    else
                    {
                        sr += l;
                        nr++;
                    }
                }
            }

            if (all < ClothingMeasure.MinPixelShare * W * W || nl + nr == 0)
            {
                return null;
            }

            if (side == 0 || nl < 50 || nr < 50)
            {
                return (sl + sr) / (nl + nr);
            }

            return side > 0 ? Math.Max(sl / nl, sr / nr) : Math.Min(sl / nl, sr / nr);
        }

        /// <summary>Mean L* of person pixels (3x3 off the background) whose chroma is under <paramref name="maxChroma"/>: the
        /// white/grey shirt told from skin by colour alone.</summary>
        public double? Achromatic(double bandTop, double hw, double maxChroma)
        {
            (double sum, int n) = MeanL(
                (int)Math.Round(Math.Min(ChinY + (bandTop * W), Height - (0.1 * W))), hw, i => MinDiff[i] > Tolerance && LabPx[i].Chroma < maxChroma);
            return n < ClothingMeasure.MinPixelShare * W * W ? null : sum / n;
        }

        /// <summary>Mean over the band's columns of each column's median clothing L* (columns with at least 5 clothing pixels).</summary>
        public double? ColumnMedians(double bandTop, double hw)
        {
            int y0 = Math.Max(Top, (int)Math.Round(Math.Min(ChinY + (bandTop * W), Height - (0.1 * W))));
            int x0 = Math.Max(1, (int)Math.Round(Cx - (hw * W))), x1 = Math.Min(Width - 2, (int)Math.Round(Cx + (hw * W)));
            var col = new List<double>();
            double sum = 0;
            int cols = 0, all = 0;
            for (int x = x0; x <= x1; x++)
            {
                col.Clear();
                for (int y = y0; y <= Height - 2; y++)
                {
                    int i = ((y - Top) * Width) + x;
                    Lab lab = LabPx[i];
                    double dl = lab.L - Skin.L, da = lab.A - Skin.A, db = lab.B - Skin.B;
                    if (MinDiff[i] > Tolerance && (dl * dl) + (da * da) + (db * db) >= 14 * 14)
                    {
                        col.Add(lab.L);
                    }
                }

                all += col.Count;
                if (col.Count >= 5)
                {
                    sum += Percentile(col, 0.5);
                    cols++;
                }
            }

            return all < ClothingMeasure.MinPixelShare * W * W || cols == 0 ? null : sum / cols;
        }

        /// <summary>Mean clothing L* and its least-squares slope against depth (face widths downwards).</summary>
        public (double Mean, double Slope)? Slope(double bandTop, double hw)
        {
            int y0 = Math.Max(Top, (int)Math.Round(Math.Min(ChinY + (bandTop * W), Height - (0.1 * W))));
            int x0 = Math.Max(1, (int)Math.Round(Cx - (hw * W))), x1 = Math.Min(Width - 2, (int)Math.Round(Cx + (hw * W)));
            double sl = 0, sy = 0, syy = 0, sly = 0;
            int n = 0;
            for (int y = y0; y <= Height - 2; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    int i = ((y - Top) * Width) + x;
                    Lab lab = LabPx[i];
                    double dl = lab.L - Skin.L, da = lab.A - Skin.A, db = lab.B - Skin.B;
                    if (MinDiff[i] > Tolerance && (dl * dl) + (da * da) + (db * db) >= 14 * 14)
                    {
                        double d = y / W;
                        sl += lab.L;
                        sy += d;
                        syy += d * d;
                        sly += lab.L * d;
                        n++;
                    }
                }
            }

            if (n < ClothingMeasure.MinPixelShare * W * W)
            {
                return null;
            }

            double var = (syy / n) - ((sy / n) * (sy / n));
            double slope = var > 1e-9 ? ((sly / n) - ((sl / n) * (sy / n))) / var : 0;
            return (sl / n, slope);
        }

        /// <summary>Clothing L* values in the band (bandTop face widths under the chin, half-width hw), null under the fewest pixels.</summary>
        public List<double>? Pixels(double bandTop, double hw, int tolFloor, double skinDistance, double inner = 0, double bottomShare = 0.1)
        {
            int y0 = Math.Max(1, (int)Math.Round(Math.Min(ChinY + (bandTop * W), Height - (bottomShare * W))));
            y0 = Math.Max(y0, Top);
            int y1 = Height - 2;
            int x0 = Math.Max(1, (int)Math.Round(Cx - (hw * W)));
            int x1 = Math.Min(Width - 2, (int)Math.Round(Cx + (hw * W)));
            int tol = Math.Max(tolFloor, Tolerance - ClothingMeasure.MinTolerance + tolFloor);
            var list = new List<double>();
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    if (inner > 0 && Math.Abs(x - Cx) < inner * W)
                    {
                        continue;
                    }

                    int i = ((y - Top) * Width) + x;
                    if (MinDiff[i] <= tol)
                    {
                        continue;
                    }

                    Lab lab = LabPx[i];
                    double dl = lab.L - Skin.L, da = lab.A - Skin.A, db = lab.B - Skin.B;
                    if ((dl * dl) + (da * da) + (db * db) < skinDistance * skinDistance)
                    {
                        continue;
                    }

                    list.Add(lab.L);
                }
            }

            return list.Count == 0 || list.Count < ClothingMeasure.MinPixelShare * W * W ? null : list;
        }
    }
}
