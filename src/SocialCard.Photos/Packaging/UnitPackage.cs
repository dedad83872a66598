namespace SocialCard.Photos.Packaging;

/// <summary>The packages for one unit plus the photos that were refused, and the refusal report as CSV.</summary>
public sealed class UnitPackage
{
    public required string UnitCode { get; init; }

    public required IReadOnlyList<UnitPackageZip> Zips { get; init; }

    public required IReadOnlyList<PackageFailure> Failures { get; init; }

    /// <summary>The check of every photo offered, in input order (file = the name offered).</summary>
    public IReadOnlyList<PhotoReport> Reports { get; init; } = [];

    /// <summary>File name of the failure report written next to the zips.</summary>
    public string FailureReportName => $"{UnitCode}-failures.csv";

    /// <summary>UTF-8 (with BOM, for Excel) CSV: file, code, reason_zh, reason_en.</summary>
    public required string FailureCsv { get; init; }

    public int PackedCount
    {
        get
        {
            int n = 0;
            foreach (UnitPackageZip zip in Zips)
            {
                n += zip.Entries.Count;
            }

            return n;
        }
    }

    /// <summary>Writes the zips and the failure report into <paramref name="directory"/>; returns the paths written.</summary>
    public IReadOnlyList<string> WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (UnitPackageZip zip in Zips)
        {
            string path = Path.Combine(directory, zip.FileName);
            File.WriteAllBytes(path, zip.Data);
            written.Add(path);
        }

        string report = Path.Combine(directory, FailureReportName);
        File.WriteAllText(report, FailureCsv, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        written.Add(report);
        return written;
    }
}
