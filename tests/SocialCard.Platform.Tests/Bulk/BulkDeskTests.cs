using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SocialCard.Platform.Bulk;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Files;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Bulk;

public sealed class BulkDeskTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bulk-desk-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFileStore _files;
    private readonly BulkDesk _desk;

    public BulkDeskTests()
    {
        _files = new LocalFileStore(_dir, new FileCipher(RandomNumberGenerator.GetBytes(32)));
        _desk = new BulkDesk(_files, new JpegMagicReviewer(), TimeProvider.System);
    }

    [Fact]
    public void More_than_fifty_photos_are_split_into_packages_of_at_most_fifty()
    {
        BulkPhotoFile[] photos = [.. Enumerable.Range(0, 120).Select(i => new BulkPhotoFile($"{i:D10}.jpg", [1]))];
        IReadOnlyList<IReadOnlyList<BulkPhotoFile>> packages = BulkDesk.Split(photos);
        Assert.Equal([50, 50, 20], packages.Select(p => p.Count));
        Assert.Equal(photos.Select(p => p.FileName), packages.SelectMany(p => p).Select(p => p.FileName));
        Assert.Single(BulkDesk.Split(photos[..50]));
    }

    [Fact]
    public async Task A_check_is_kept_for_its_unit_only_and_one_accept_packs_passing_photos_and_chosen_fixes_by_number()
    {
        byte[] good = TestJpeg.Make(20 * 1024, 1), tooSmall = TestJpeg.Make(2 * 1024, 2);
        StaffList staff = StaffList.Read(new MemoryStream(Encoding.UTF8.GetBytes("姓名,身份证号码,个人编号\n张三,,0900000003\n")), "staff.csv");
        BulkPhotoFile[] photos =
        [
            new("0900000002.jpg", good), new("张三.jpg", good), new("0900000001.jpg", tooSmall), new("0900000004.jpg", tooSmall), new("陌生人.jpg", good),
        ];

        BulkCheck check = await _desk.CheckAsync(7, photos, [], staff, "suzhou-sscard", CancellationToken.None);
        Assert.Null(await _desk.GetAsync(8, check.Token, CancellationToken.None));
        Assert.Null(await _desk.PhotoAsync(8, check.Token, 0, fixedVersion: false, CancellationToken.None));

        BulkCheck loaded = (await _desk.GetAsync(7, check.Token, CancellationToken.None))!;
        Assert.Equal([PhotoVerdict.Passed, PhotoVerdict.Passed, PhotoVerdict.Failed, PhotoVerdict.Failed, PhotoVerdict.Passed], loaded.Photos.Select(p => p.Verdict));
        Assert.Equal("0900000003", loaded.Photos[1].Name.PersonalNumber);
        Assert.Equal(BulkNameSource.Name, loaded.Photos[1].Name.Source);
        Assert.Equal(2, loaded.ReadyCount);
        Assert.Equal(1, loaded.MismatchCount);
        Assert.Equal([2, 3], loaded.Photos.Where(p => p.NeedsFix).Select(p => p.Index));

        // Both failed photos are fixed; the unit accepts only one fix.
        await _desk.RecordFixAsync(loaded, 2, good, CancellationToken.None);
        await _desk.RecordFixAsync(loaded, 3, good, CancellationToken.None);
        await _desk.SaveAsync(loaded, CancellationToken.None);
        loaded = (await _desk.GetAsync(7, check.Token, CancellationToken.None))!;
        Assert.Equal(2, loaded.FixedCount);
        IReadOnlyList<IReadOnlyList<BulkPhotoFile>> packages = await _desk.PackagesAsync(loaded, new HashSet<int> { 2 }, CancellationToken.None);
        BulkPhotoFile[] package = [.. Assert.Single(packages)];
        Assert.Equal(["0900000001.jpg", "0900000002.jpg", "0900000003.jpg"], package.Select(p => p.FileName));
        Assert.Equal(good, package[0].Bytes);

        await _desk.CompleteAsync(loaded, [41], CancellationToken.None);
        loaded = (await _desk.GetAsync(7, check.Token, CancellationToken.None))!;
        Assert.Equal([41L], loaded.Batches);
        Assert.Null(await _desk.PhotoAsync(7, check.Token, 0, fixedVersion: false, CancellationToken.None));
    }

    [Fact]
    public void A_zip_of_any_folders_gives_its_jpg_photos_and_names_what_it_leaves_out()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "人事部/新员工/张三.jpg", [0xFF, 0xD8, 0xFF, 1]);
            Write(zip, "0900000001.JPEG", [0xFF, 0xD8, 0xFF, 2]);
            Write(zip, "名单.docx", [1, 2, 3]);
            Write(zip, "__MACOSX/._张三.jpg", [0]);
            Write(zip, "人事部/.DS_Store", [0]);
        }

        (IReadOnlyList<BulkPhotoFile> photos, IReadOnlyList<BulkFileRefusal> refusals) = BulkArchive.Read(buffer.ToArray(), "photos.zip");
        Assert.Equal(["张三.jpg", "0900000001.JPEG"], photos.Select(p => p.FileName));
        Assert.Equal("名单.docx", Assert.Single(refusals).FileName);

        (photos, refusals) = BulkArchive.Read([1, 2, 3, 4], "broken.zip");
        Assert.Empty(photos);
        Assert.Equal("broken.zip", Assert.Single(refusals).FileName);
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        using Stream s = zip.CreateEntry(name).Open();
        s.Write(bytes);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
