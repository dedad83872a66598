using System.IO.Compression;
using System.Net;
using System.Text.Json;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Engine;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>Work per request and per node is bounded: header pixel budget, concurrent checks, heap limit, 413.</summary>
public sealed class BoundedWorkTests
{
    [Fact]
    public void A_package_of_fifty_36_megapixel_pngs_is_refused_from_the_headers_without_decoding()
    {
        byte[] png = Png(6000, 6000);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int i = 0; i < 50; i++)
            {
                using Stream s = zip.CreateEntry($"325001/01001{i:D5}.jpg", CompressionLevel.Optimal).Open();
                s.Write(png);
            }
        }

        BatchIntakeResult result = new UnitPackageIntake().Read(buffer.ToArray(), "325001");

        Assert.Empty(result.Accepted);
        Assert.Equal(50, result.EntryRefusals.Count(r => r.Code == BatchRefusalCode.TooManyPixels));
        Assert.Contains("像素", result.EntryRefusals.First().MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_node_runs_no_more_checks_at_once_than_its_limit()
    {
        using var concurrency = new ReviewConcurrency(2);
        int inside = 0;
        int most = 0;
        await Parallel.ForAsync(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (_, token) =>
        {
            concurrency.Run(() =>
            {
                int now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                Thread.Sleep(5);
                return Interlocked.Decrement(ref inside);
            }, token);
            return ValueTask.CompletedTask;
        });
        Assert.InRange(most, 1, 2);
    }

    [Fact]
    public void The_site_runs_with_a_managed_heap_limit()
    {
        string config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SocialCard.Web.runtimeconfig.json"));
        using JsonDocument doc = JsonDocument.Parse(config);
        JsonElement limit = doc.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.HeapHardLimit");
        long bytes = limit.ValueKind == JsonValueKind.String ? long.Parse(limit.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : limit.GetInt64();
        Assert.True(bytes > 0);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_413_with_a_bilingual_message()
    {
        using var site = new SiteFactory();
        site.Settings["Security:MaxUploadBytes"] = "65536";
        using HttpClient client = site.CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(client, TestAccounts.UnitA, TestAccounts.Password);
        HttpResponseMessage response = await PortalClient.UploadZipAsync(client, new byte[200_000]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上传内容过大", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>A PNG whose header declares <paramref name="width"/> x <paramref name="height"/> RGB pixels; the image
    /// data is a stub (the header is all a budget check may read).</summary>
    private static byte[] Png(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        byte[] ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(word, Crc(typed));
        png.Write(word);
    }

    private static uint Crc(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (int seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
