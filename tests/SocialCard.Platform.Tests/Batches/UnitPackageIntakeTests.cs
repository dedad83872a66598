using System.IO.Compression;
using System.Text;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Tests.Batches;

public sealed class UnitPackageIntakeTests
{
    private const string Unit = "3205001234";
    private readonly UnitPackageIntake _intake = new();

    [Fact]
    public void Valid_package_accepts_photos_and_notes_os_junk()
    {
        var p1 = TestZip.Photo(1);
        var zip = new TestZip()
            .AddDirectory(Unit + "/")
            .Add(Unit + "/3205000001.jpg", p1)
            .Add(Unit + "/3205000002.JPG", TestZip.Photo(2))
            .Add(Unit + "/3205000003.jpeg", TestZip.Photo(3))
            .Add(Unit + "/.DS_Store", [1, 2, 3])
            .Add(Unit + "/Thumbs.db", [1, 2, 3])
            .AddDirectory("__MACOSX/")
            .Add("__MACOSX/" + Unit + "/._3205000001.jpg", [0, 5, 22])
            .Build();

        var result = _intake.Read(zip, Unit);

        Assert.False(result.IsPackageRefused);
        Assert.Empty(result.Refusals);
        Assert.Equal(["3205000001", "3205000002", "3205000003"], result.Accepted.Select(a => a.PersonalNumber));
        Assert.Equal(p1, result.Accepted[0].Bytes);
        Assert.Equal("3205000001.jpg", result.Accepted[0].FileName);
        Assert.Equal(Unit + "/3205000001.jpg", result.Accepted[0].EntryName);
        Assert.Equal(3, result.Notes.Count);
        Assert.All(result.Notes, n => Assert.Contains("忽略", n.MessageZh, StringComparison.Ordinal));
        Assert.Equal(60_000, result.UncompressedBytesRead);
    }

    [Fact]
    public async Task Non_seekable_stream_is_buffered_and_read()
    {
        var zip = new TestZip().Add(Unit + "/3205000001.jpg", TestZip.Photo(1)).Build();
        await using var stream = new NonSeekableStream(zip);

        var result = await _intake.ReadAsync(stream, Unit);

        Assert.Single(result.Accepted);
    }

    [Theory]
    [InlineData(Unit + "/../3205000001.jpg")]
    [InlineData("../" + Unit + "/3205000001.jpg")]
    [InlineData(Unit + "\\..\\..\\evil.jpg")]
    public void Path_traversal_refuses_the_package(string name)
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000002.jpg", TestZip.Photo(2))
            .Add(name, TestZip.Photo(1))
            .Build();

        var result = _intake.Read(zip, Unit);

        AssertPackageRefused(result, BatchRefusalCode.PathTraversal);
        Assert.Equal(name, result.Refusals.Single(r => r.Code == BatchRefusalCode.PathTraversal).EntryName);
        Assert.Equal(0, result.UncompressedBytesRead);
    }

    [Theory]
    [InlineData("/" + Unit + "/3205000001.jpg")]
    [InlineData("\\" + Unit + "\\3205000001.jpg")]
    [InlineData("C:/" + Unit + "/3205000001.jpg")]
    [InlineData("d:\\3205000001.jpg")]
    public void Absolute_path_refuses_the_package(string name)
    {
        var zip = new TestZip().Add(name, TestZip.Photo(1)).Build();

        var result = _intake.Read(zip, Unit);

        AssertPackageRefused(result, BatchRefusalCode.AbsolutePath);
    }

    [Fact]
    public void Symbolic_link_refuses_the_package()
    {
        const int symlinkMode = 0xA000 | 0x1FF; // S_IFLNK | 0777
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/3205000002.jpg", Encoding.ASCII.GetBytes("/etc/passwd"), externalAttributes: symlinkMode << 16)
            .Build();

        var result = _intake.Read(zip, Unit);

        AssertPackageRefused(result, BatchRefusalCode.SymbolicLink);
        Assert.Equal("batch.symbolic_link", result.Refusals[0].StableCode);
    }

    [Fact]
    public void Regular_unix_file_mode_is_not_a_symbolic_link()
    {
        const int fileMode = 0x8000 | 0x1A4; // S_IFREG | 0644
        var zip = new TestZip().Add(Unit + "/3205000001.jpg", TestZip.Photo(1), externalAttributes: fileMode << 16).Build();

        Assert.Single(_intake.Read(zip, Unit).Accepted);
    }

    [Theory]
    [InlineData("3205000009.zip")]
    [InlineData("photos.rar")]
    [InlineData("more.7z")]
    [InlineData("x.tar")]
    [InlineData("x.gz")]
    public void Nested_archive_by_extension_is_refused_per_entry(string fileName)
    {
        var inner = new TestZip().Add("a.jpg", TestZip.Photo(9)).Build();
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/" + fileName, inner)
            .Build();

        var result = _intake.Read(zip, Unit);

        Assert.False(result.IsPackageRefused);
        Assert.Single(result.Accepted);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(BatchRefusalCode.NestedArchive, refusal.Code);
        Assert.Equal(BatchRefusalScope.Entry, refusal.Scope);
    }

    [Fact]
    public void Nested_archive_by_content_is_refused_per_entry()
    {
        var inner = new TestZip().Add("a.jpg", TestZip.Photo(9)).Build();
        var polyglot = TestZip.Photo(8).Concat(inner).ToArray(); // JPEG with a zip appended
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/3205000002.jpg", inner)
            .Add(Unit + "/3205000003.jpg", polyglot)
            .Add(Unit + "/3205000004.jpg", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3])
            .Build();

        var result = _intake.Read(zip, Unit);

        Assert.Equal(["3205000001"], result.Accepted.Select(a => a.PersonalNumber));
        Assert.Equal(3, result.Refusals.Count(r => r.Code == BatchRefusalCode.NestedArchive));
    }

    [Fact]
    public void Fifty_photos_are_accepted_and_fifty_one_refuse_the_package()
    {
        var fifty = new TestZip();
        for (int i = 0; i < 50; i++)
        {
            fifty.Add($"{Unit}/32050000{i:00}.jpg", TestZip.Photo(i, 2_000));
        }

        Assert.Equal(50, _intake.Read(fifty.Build(), Unit).Accepted.Count);

        fifty.Add($"{Unit}/3205000099.jpg", TestZip.Photo(99, 2_000));
        var result = _intake.Read(fifty.Build(), Unit);

        AssertPackageRefused(result, BatchRefusalCode.TooManyPhotos);
        Assert.Contains("50", result.Refusals[0].MessageZh, StringComparison.Ordinal);
        Assert.Contains("51", result.Refusals[0].MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_not_named_after_the_unit_refuses_the_package()
    {
        var zip = new TestZip()
            .Add("3205009999/3205000001.jpg", TestZip.Photo(1))
            .Add("3205009999/3205000002.jpg", TestZip.Photo(2))
            .Build();

        var result = _intake.Read(zip, Unit);

        AssertPackageRefused(result, BatchRefusalCode.WrongFolder);
        Assert.Contains("3205009999", result.PackageRefusals.Single().MessageZh, StringComparison.Ordinal);
        Assert.Contains(Unit, result.PackageRefusals.Single().MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Photos_without_any_folder_refuse_the_package()
    {
        var zip = new TestZip().Add("3205000001.jpg", TestZip.Photo(1)).Build();

        AssertPackageRefused(_intake.Read(zip, Unit), BatchRefusalCode.WrongFolder);
    }

    [Fact]
    public void Stray_entries_outside_the_unit_folder_are_refused_per_entry()
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add("3205000002.jpg", TestZip.Photo(2))
            .Add("other/3205000003.jpg", TestZip.Photo(3))
            .Add(Unit + "/sub/3205000004.jpg", TestZip.Photo(4))
            .Build();

        var result = _intake.Read(zip, Unit);

        Assert.False(result.IsPackageRefused);
        Assert.Equal(["3205000001"], result.Accepted.Select(a => a.PersonalNumber));
        Assert.Equal(3, result.Refusals.Count(r => r.Code == BatchRefusalCode.OutsideUnitFolder));
    }

    [Fact]
    public void Oversize_entry_is_refused_without_being_read()
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/3205000002.jpg", TestZip.Photo(2, 1_500_000))
            .Build();

        var result = _intake.Read(zip, Unit);

        Assert.False(result.IsPackageRefused);
        Assert.Single(result.Accepted);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(BatchRefusalCode.EntryTooLarge, refusal.Code);
        Assert.Equal(Unit + "/3205000002.jpg", refusal.EntryName);
        Assert.Equal(20_000, result.UncompressedBytesRead);
    }

    [Fact]
    public void Zip_bomb_ratio_refuses_the_package_before_decompressing()
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/3205000002.jpg", new byte[20 * 1024 * 1024])
            .Build();
        Assert.True(zip.Length < 100_000, "20 MB of zeros should compress to tens of kilobytes");

        var result = _intake.Read(zip, Unit);

        AssertPackageRefused(result, BatchRefusalCode.CompressionRatioExceeded);
        Assert.Equal(0, result.UncompressedBytesRead);
    }

    [Fact]
    public void Zip_bomb_ratio_is_caught_even_below_the_entry_size_limit()
    {
        var limits = new UnitPackageLimits { MaxEntryBytes = 8 * 1024 * 1024 };
        var zip = new TestZip().Add(Unit + "/3205000001.jpg", new byte[4 * 1024 * 1024]).Build();

        var result = new UnitPackageIntake(limits).Read(zip, Unit);

        AssertPackageRefused(result, BatchRefusalCode.CompressionRatioExceeded);
    }

    [Fact]
    public void Declared_size_smaller_than_the_data_refuses_the_package()
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/3205000002.jpg", TestZip.Photo(2, 200_000))
            .Build();
        TestZip.PatchUncompressedSize(zip, 1, 30_000); // header now says 30 KB; the data is 200 KB

        var result = _intake.Read(zip, Unit);

        AssertPackageRefused(result, BatchRefusalCode.HeaderMismatch);
        Assert.Empty(result.Accepted);
        Assert.True(result.UncompressedBytesRead <= 20_000 + 30_001, "never decompress past the declared size");
    }

    [Fact]
    public void Declared_size_larger_than_the_data_refuses_the_package()
    {
        var zip = new TestZip().Add(Unit + "/3205000001.jpg", TestZip.Photo(1)).Build();
        TestZip.PatchUncompressedSize(zip, 0, 25_000);

        var result = _intake.Read(zip, Unit);

        Assert.True(result.IsPackageRefused);
        Assert.Contains(result.PackageRefusals, r => r.Code is BatchRefusalCode.HeaderMismatch or BatchRefusalCode.CorruptArchive);
    }

    [Fact]
    public void Damaged_data_with_honest_sizes_fails_the_crc_and_refuses_the_package()
    {
        var photo = TestZip.Photo(2);
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1), level: CompressionLevel.NoCompression)
            .Add(Unit + "/3205000002.jpg", photo, level: CompressionLevel.NoCompression)
            .Build();
        int at = IndexOf(zip, photo.AsSpan(100, 32)); // the stored bytes of the second photo
        zip[at] ^= 0xFF;

        var result = _intake.Read(zip, Unit);

        AssertPackageRefused(result, BatchRefusalCode.HeaderMismatch);
    }

    [Fact]
    public void Encrypted_entry_is_refused_per_entry()
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/3205000002.jpg", TestZip.Photo(2))
            .Build();
        TestZip.PatchFlags(zip, 1, set: 0x0001);

        var result = _intake.Read(zip, Unit);

        Assert.False(result.IsPackageRefused);
        Assert.Equal(["3205000001"], result.Accepted.Select(a => a.PersonalNumber));
        Assert.Equal(BatchRefusalCode.Encrypted, Assert.Single(result.Refusals).Code);
    }

    [Theory]
    [InlineData("3205000001.jpg", "3205000001.jpg")]
    [InlineData("3205000001.jpg", "3205000001.JPG")]
    public void Duplicate_names_refuse_the_package(string first, string second)
    {
        var zip = new TestZip()
            .Add(Unit + "/" + first, TestZip.Photo(1))
            .Add(Unit + "/" + second, TestZip.Photo(2))
            .Build();

        var result = _intake.Read(zip, Unit);

        AssertPackageRefused(result, BatchRefusalCode.DuplicateName);
    }

    [Fact]
    public void Two_photos_for_one_personal_number_are_both_refused()
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/3205000001.jpeg", TestZip.Photo(2))
            .Add(Unit + "/3205000002.jpg", TestZip.Photo(3))
            .Build();

        var result = _intake.Read(zip, Unit);

        Assert.Equal(["3205000002"], result.Accepted.Select(a => a.PersonalNumber));
        Assert.Equal(2, result.Refusals.Count(r => r.Code == BatchRefusalCode.DuplicatePersonalNumber));
    }

    [Theory]
    [InlineData("320500001.jpg")]
    [InlineData("32050000012.jpg")]
    [InlineData("３２０５０００００１.jpg")]
    [InlineData("3205000001.png")]
    [InlineData("3205000001.jpg.exe")]
    [InlineData("张三.jpg")]
    [InlineData("3205000001 .jpg")]
    public void Bad_file_names_are_refused_per_entry(string fileName)
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000002.jpg", TestZip.Photo(2))
            .Add(Unit + "/" + fileName, TestZip.Photo(1))
            .Build();

        var result = _intake.Read(zip, Unit);

        Assert.Single(result.Accepted);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(BatchRefusalCode.BadFileName, refusal.Code);
        Assert.Equal("文件名应为10位个人编号.jpg", refusal.MessageZh);
    }

    [Fact]
    public void Empty_file_is_refused_per_entry()
    {
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", [])
            .Add(Unit + "/3205000002.jpg", TestZip.Photo(2))
            .Build();

        Assert.Equal(BatchRefusalCode.EmptyFile, Assert.Single(_intake.Read(zip, Unit).Refusals).Code);
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_refuse_the_package()
    {
        var result = _intake.Read(TestZip.Photo(1), Unit);

        AssertPackageRefused(result, BatchRefusalCode.NotAZip);
    }

    [Fact]
    public void Damaged_central_directory_refuses_the_package()
    {
        var zip = new TestZip().Add(Unit + "/3205000001.jpg", TestZip.Photo(1)).Build();
        var (central, _, _, _) = TestZip.CentralRecords(zip)[0];
        zip[central] = 0; // break the central-directory signature

        AssertPackageRefused(_intake.Read(zip, Unit), BatchRefusalCode.NotAZip);
    }

    [Fact]
    public void Package_without_photos_is_refused()
    {
        var zip = new TestZip().AddDirectory(Unit + "/").Add(Unit + "/.DS_Store", [1]).Build();

        AssertPackageRefused(_intake.Read(zip, Unit), BatchRefusalCode.EmptyPackage);
    }

    [Fact]
    public async Task Package_over_the_size_limit_is_refused_from_array_and_stream()
    {
        var limits = new UnitPackageLimits { MaxPackageBytes = 30_000 };
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/3205000002.jpg", TestZip.Photo(2))
            .Build();
        var intake = new UnitPackageIntake(limits);

        AssertPackageRefused(intake.Read(zip, Unit), BatchRefusalCode.PackageTooLarge);
        await using var stream = new NonSeekableStream(zip);
        AssertPackageRefused(await intake.ReadAsync(stream, Unit), BatchRefusalCode.PackageTooLarge);
    }

    [Fact]
    public void Too_many_entries_are_refused_from_the_end_record()
    {
        var builder = new TestZip();
        for (int i = 0; i < 6; i++)
        {
            builder.AddDirectory($"{Unit}/d{i}/");
        }

        var result = new UnitPackageIntake(new UnitPackageLimits { MaxEntries = 5 }).Read(builder.Build(), Unit);

        AssertPackageRefused(result, BatchRefusalCode.TooManyEntries);
    }

    [Fact]
    public void Total_declared_size_over_the_limit_refuses_the_package()
    {
        var limits = new UnitPackageLimits { MaxTotalUncompressedBytes = 50_000 };
        var zip = new TestZip()
            .Add(Unit + "/3205000001.jpg", TestZip.Photo(1))
            .Add(Unit + "/3205000002.jpg", TestZip.Photo(2))
            .Add(Unit + "/3205000003.jpg", TestZip.Photo(3))
            .Build();

        AssertPackageRefused(new UnitPackageIntake(limits).Read(zip, Unit), BatchRefusalCode.TotalSizeExceeded);
    }

    [Fact]
    public void Limits_are_clamped_to_the_absolute_ceilings()
    {
        var intake = new UnitPackageIntake(new UnitPackageLimits { MaxEntryBytes = long.MaxValue, MaxPhotos = int.MaxValue, MaxCompressionRatio = 1e9 });

        Assert.Equal(UnitPackageLimits.AbsoluteMaxEntryBytes, intake.Limits.MaxEntryBytes);
        Assert.Equal(UnitPackageLimits.AbsoluteMaxPhotos, intake.Limits.MaxPhotos);
        Assert.Equal(UnitPackageLimits.AbsoluteMaxCompressionRatio, intake.Limits.MaxCompressionRatio);
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitPackageIntake(new UnitPackageLimits { MaxPhotos = 0 }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void Unit_code_must_be_a_plain_folder_name(string unitCode)
    {
        Assert.ThrowsAny<ArgumentException>(() => _intake.Read(new byte[10], unitCode));
    }

    [Fact]
    public void Every_refusal_code_has_a_stable_code_and_both_messages()
    {
        foreach (var code in Enum.GetValues<BatchRefusalCode>())
        {
            Assert.StartsWith("batch.", BatchRefusalMessages.StableCode(code), StringComparison.Ordinal);
        }

        Assert.Equal(Enum.GetValues<BatchRefusalCode>().Length, Enum.GetValues<BatchRefusalCode>().Select(BatchRefusalMessages.StableCode).Distinct().Count());
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        int at = haystack.AsSpan().IndexOf(needle);
        Assert.True(at >= 0);
        return at;
    }

    private static void AssertPackageRefused(BatchIntakeResult result, BatchRefusalCode code)
    {
        Assert.True(result.IsPackageRefused, "expected a package refusal, got: " + string.Join("; ", result.Refusals.Select(r => r.Code)));
        Assert.Empty(result.Accepted);
        var refusal = Assert.Single(result.PackageRefusals, r => r.Code == code);
        Assert.Equal(BatchRefusalScope.Package, refusal.Scope);
        Assert.False(string.IsNullOrWhiteSpace(refusal.MessageZh));
        Assert.False(string.IsNullOrWhiteSpace(refusal.MessageEn));
    }
}
