using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using SocialCard.Platform.Exchange;
using SocialCard.Platform.Tests.Batches;

namespace SocialCard.Platform.Tests.Exchange;

public sealed class CardCentreExportWriterTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 18, 0, 0, TimeSpan.FromHours(8));

    private static CardCentreExportPhoto[] Items() =>
    [
        new("3205000002", "李四", "3205001234", TestZip.Photo(2, 30_000), new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.FromHours(8))),
        new("3205000001", "张三, 小名\"阿三\"", "3205001234", TestZip.Photo(1, 25_000), new DateTimeOffset(2026, 11, 23, 10, 14, 0, TimeSpan.FromHours(8))),
    ];

    [Fact]
    public void Package_holds_photos_manifest_and_checksum_that_agree()
    {
        var items = Items();
        var package = CardCentreExportWriter.Write(items, Created, out var summary);

        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        Assert.Equal(["photos/3205000001.jpg", "photos/3205000002.jpg", "manifest.csv", "manifest.sha256"], zip.Entries.Select(e => e.FullName));
        Assert.Equal(items[1].Photo, ReadAll(zip.GetEntry("photos/3205000001.jpg")!));
        Assert.Equal(2, summary.PhotoCount);
        Assert.Equal(55_000, summary.PhotoBytes);

        var manifest = ReadAll(zip.GetEntry("manifest.csv")!);
        Assert.NotEqual(0xEF, manifest[0]); // no BOM in the machine format
        string manifestHash = Convert.ToHexStringLower(SHA256.HashData(manifest));
        Assert.Equal(manifestHash, summary.ManifestSha256);
        Assert.Equal($"{manifestHash}  manifest.csv\n", Encoding.ASCII.GetString(ReadAll(zip.GetEntry("manifest.sha256")!)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(package)), summary.PackageSha256);

        using var reader = CsvReader.Create(manifest, new CsvReaderOptions());
        Assert.True(reader.Read());
        Assert.Equal(CardCentreExchangeFormat.ManifestHeader, reader.Headers);
        Assert.Equal("3205000001", reader.GetString("number"));
        Assert.Equal("张三, 小名\"阿三\"", reader.GetString("name"));
        Assert.Equal("3205001234", reader.GetString("unit_code"));
        Assert.Equal("3205000001.jpg", reader.GetString("file_name"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(items[1].Photo)), reader.GetString("sha256"));
        Assert.Equal("25000", reader.GetString("bytes"));
        Assert.Equal("2026-11-23T10:14:00+08:00", reader.GetString("pre_review_time"));
        Assert.True(reader.Read());
        Assert.Equal("3205000002", reader.GetString("number"));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Verifier_accepts_a_written_package_and_catches_a_swapped_photo()
    {
        var items = Items();
        var package = CardCentreExportWriter.Write(items, Created, out _);

        var verification = CardCentreExportVerifier.Verify(package);
        Assert.True(verification.IsValid, string.Join("; ", verification.Problems));
        Assert.Equal(["3205000001", "3205000002"], verification.Lines.Select(l => l.Number));
        Assert.Equal(items[1].PreReviewedAt, verification.Lines[0].PreReviewTime);

        // Rebuild the zip with one photo replaced but the original manifest kept.
        using var tampered = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(tampered, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var content = entry.FullName == "photos/3205000002.jpg" ? TestZip.Photo(77, 30_000) : ReadAll(entry);
                using var stream = target.CreateEntry(entry.FullName).Open();
                stream.Write(content);
            }

            using var extra = target.CreateEntry("photos/3205000009.jpg").Open();
            extra.Write(TestZip.Photo(9));
        }

        var bad = CardCentreExportVerifier.Verify(tampered.ToArray());
        Assert.False(bad.IsValid);
        Assert.Contains("3205000002.jpg does not match its sha256", bad.Problems);
        Assert.Contains("photos/3205000009.jpg is not in the manifest", bad.Problems);
        Assert.Equal(2, bad.Problems.Count);
    }

    [Fact]
    public async Task Async_write_to_a_file_matches_the_in_memory_package()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sc-export-{Guid.NewGuid():N}.zip");
        try
        {
            CardCentreExportSummary summary;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                summary = await CardCentreExportWriter.WriteAsync(file, Items(), Created);
            }

            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal(CardCentreExportWriter.Write(Items(), Created, out _), bytes);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), summary.PackageSha256);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Photos_are_stored_without_recompression()
    {
        var package = CardCentreExportWriter.Write(Items(), Created, out _);

        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var photo = zip.GetEntry("photos/3205000001.jpg")!;
        Assert.Equal(photo.Length, photo.CompressedLength);
    }

    [Fact]
    public void Same_input_gives_byte_identical_packages()
    {
        var first = CardCentreExportWriter.Write(Items(), Created, out var a);
        var second = CardCentreExportWriter.Write(Items().Reverse(), Created, out var b);

        Assert.Equal(first, second);
        Assert.Equal(a.PackageSha256, b.PackageSha256);
    }

    [Fact]
    public async Task Unzip_lists_the_photos_and_sha256sum_checks_the_manifest()
    {
        var directory = Directory.CreateTempSubdirectory("sc-export-");
        try
        {
            string path = Path.Combine(directory.FullName, "export.zip");
            await File.WriteAllBytesAsync(path, CardCentreExportWriter.Write(Items(), Created, out _));

            using (var zip = ZipFile.OpenRead(path))
            {
                Assert.Equal(4, zip.Entries.Count);
                Assert.NotNull(zip.GetEntry("photos/3205000001.jpg"));
            }

            var listing = await RunAsync("unzip", ["-l", path], directory.FullName);
            Assert.Contains("photos/3205000001.jpg", listing, StringComparison.Ordinal);
            Assert.Contains("photos/3205000002.jpg", listing, StringComparison.Ordinal);
            Assert.Contains("manifest.csv", listing, StringComparison.Ordinal);

            await RunAsync("unzip", ["-q", path, "-d", directory.FullName], directory.FullName);
            var check = await RunAsync("sha256sum", ["-c", "manifest.sha256"], directory.FullName);
            Assert.Contains("manifest.csv: OK", check, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("320500001")]
    [InlineData("32050000010")]
    [InlineData("320500000a")]
    public void Bad_personal_numbers_are_refused(string number)
    {
        var items = new[] { new CardCentreExportPhoto(number, "张三", "u", [1, 2], Created) };

        Assert.Throws<ArgumentException>(() => CardCentreExportWriter.Write(items, Created, out _));
    }

    [Fact]
    public void Duplicate_numbers_and_empty_photos_are_refused()
    {
        var one = new CardCentreExportPhoto("3205000001", "张三", "u", [1, 2], Created);

        Assert.Throws<ArgumentException>(() => CardCentreExportWriter.Write([one, one with { Name = "李四" }], Created, out _));
        Assert.Throws<ArgumentException>(() => CardCentreExportWriter.Write([one with { Photo = [] }], Created, out _));
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<string> RunAsync(string fileName, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{fileName} exited {process.ExitCode}: {error}");
        return output;
    }
}
