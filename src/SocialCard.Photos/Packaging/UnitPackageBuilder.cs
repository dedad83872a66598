using System.IO.Compression;
using System.Text;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Packaging;

/// <summary>
/// Builds a unit's upload packages (seed 000, 文件包要求): every photo is checked first and only passing photos are
/// packed; each is named by its 10-digit personal number (a name whose stem is not exactly 10 digits is refused, as is
/// a second photo for the same number); packages hold at most 50 photos as "&lt;unit code&gt;/&lt;number&gt;.jpg" entries,
/// in number order, named "&lt;unit code&gt;-NNN.zip"; refusals go to a CSV report next to the zips.
/// Thread-safe when the checker is.
/// </summary>
public sealed class UnitPackageBuilder
{
    public const int MaxPhotosPerZip = 50;

    private readonly PhotoChecker _checker;
    private readonly SpecProfile _profile;

    public UnitPackageBuilder(PhotoChecker checker, SpecProfile profile)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(profile);
        _checker = checker;
        _profile = profile;
    }

    /// <summary>Checks every photo (on up to <paramref name="jobs"/> threads) and packs the passing ones.</summary>
    public UnitPackage Build(IEnumerable<PackagePhoto> photos, string unitCode, int jobs = 1)
    {
        ArgumentNullException.ThrowIfNull(photos);
        if (!IsValidUnitCode(unitCode))
        {
            throw new ArgumentException("单位代码只能包含字母、数字、- 和 _ / The unit code may contain only letters, digits, - and _.", nameof(unitCode));
        }

        // Every photo is checked first (in parallel; results keep input order), then judged in order.
        List<PackagePhoto> list = [.. photos];
        var reports = new PhotoReport[list.Count];
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            string stem = Path.GetFileNameWithoutExtension(list[i].Name);
            string checkedName = IsPersonalNumber(stem) ? stem + ".jpg" : list[i].Name;
            reports[i] = _checker.Check(list[i].Data, checkedName, _profile) with { File = list[i].Name };
        });

        var accepted = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var failures = new List<PackageFailure>();
        for (int i = 0; i < list.Count; i++)
        {
            PackagePhoto photo = list[i];
            PhotoReport report = reports[i];
            string stem = Path.GetFileNameWithoutExtension(photo.Name);
            if (!IsPersonalNumber(stem))
            {
                failures.Add(new PackageFailure(photo.Name, "name.not-10-digits", new LocalizedText(
                    $"文件名“{photo.Name}”不是10位个人编号", $"File name '{photo.Name}' is not a 10-digit personal number")));
                continue;
            }

            if (accepted.ContainsKey(stem))
            {
                failures.Add(new PackageFailure(photo.Name, "name.duplicate", new LocalizedText(
                    $"个人编号 {stem} 重复，只保留第一张", $"Personal number {stem} appears twice; only the first photo is kept")));
                continue;
            }

            if (report.Verdict is not (PhotoVerdict.Pass or PhotoVerdict.Warn))
            {
                var zh = new List<string>();
                var en = new List<string>();
                var codes = new List<string>();
                foreach (RuleFinding f in report.Failures)
                {
                    codes.Add(f.Rule);
                    zh.Add(f.Message.Zh);
                    en.Add(f.Message.En);
                }

                if (codes.Count == 0)
                {
                    codes.Add("image.error");
                    zh.Add("照片无法读取");
                    en.Add("The photo cannot be read");
                }

                failures.Add(new PackageFailure(photo.Name, string.Join(';', codes), new LocalizedText(string.Join("；", zh), string.Join("; ", en))));
                continue;
            }

            accepted.Add(stem, photo.Data);
        }

        var zips = new List<UnitPackageZip>();
        var batch = new List<KeyValuePair<string, byte[]>>(MaxPhotosPerZip);
        foreach (KeyValuePair<string, byte[]> entry in accepted)
        {
            batch.Add(entry);
            if (batch.Count == MaxPhotosPerZip)
            {
                zips.Add(Zip(unitCode, zips.Count + 1, batch));
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            zips.Add(Zip(unitCode, zips.Count + 1, batch));
        }

        return new UnitPackage { UnitCode = unitCode, Zips = zips, Failures = failures, FailureCsv = Csv(failures), Reports = reports };
    }

    /// <summary>Exactly ten ASCII digits.</summary>
    public static bool IsPersonalNumber(string stem)
    {
        if (stem.Length != 10)
        {
            return false;
        }

        foreach (char c in stem)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidUnitCode(string unitCode)
    {
        if (string.IsNullOrEmpty(unitCode) || unitCode.Length > 64)
        {
            return false;
        }

        foreach (char c in unitCode)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static UnitPackageZip Zip(string unitCode, int index, List<KeyValuePair<string, byte[]>> photos)
    {
        using var buffer = new MemoryStream();
        var entries = new List<string>(photos.Count);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (KeyValuePair<string, byte[]> photo in photos)
            {
                string name = $"{unitCode}/{photo.Key}.jpg";
                ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.NoCompression); // JPEG does not compress further
                using (Stream s = entry.Open())
                {
                    s.Write(photo.Value);
                }

                entries.Add(name);
            }
        }

        return new UnitPackageZip($"{unitCode}-{index:000}.zip", buffer.ToArray(), entries);
    }

    private static string Csv(List<PackageFailure> failures)
    {
        var sb = new StringBuilder();
        sb.Append("file,code,reason_zh,reason_en\n");
        foreach (PackageFailure f in failures)
        {
            sb.Append(Quote(f.Name)).Append(',').Append(Quote(f.Code)).Append(',')
              .Append(Quote(f.Reason.Zh)).Append(',').Append(Quote(f.Reason.En)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
