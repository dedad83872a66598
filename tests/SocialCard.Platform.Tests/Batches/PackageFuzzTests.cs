using System.IO.Compression;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Bulk;

namespace SocialCard.Platform.Tests.Batches;

/// <summary>
/// Seeded mutation fuzzing of the zip readers (the unit package intake and the bulk desk's archive reader): truncations,
/// bit flips biased to the local headers and the central directory, byte stomps, splices and forged size fields. Every
/// input comes back as a result (photos and/or refusals), never as an exception, and the memory one input costs stays
/// bounded by the limits, not by what its headers claim. Counted by inputs, not by time; the seeds are fixed.
/// <c>SC_FUZZ_SCALE=N</c> multiplies the count (<c>bench/fuzz.sh</c>).
/// </summary>
public sealed class PackageFuzzTests
{
    private const string Unit = "325001";

    /// <summary>Most one input may allocate: a few times the limits' largest entry, far below what forged headers claim.</summary>
    private const long AllocationBound = 6 * 1024 * 1024;

    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("SC_FUZZ_SCALE"), out int s) && s > 0 ? s : 1;

    [Fact]
    public void Mutated_packages_give_results_not_exceptions_within_bounded_memory()
    {
        byte[] seed = Seed();
        var intake = new UnitPackageIntake();
        var random = new Random(20261206);
        int accepted = 0, refused = 0;
        long worst = 0;
        for (int i = 0; i < 2500 * Scale; i++)
        {
            byte[] input = Mutate(seed, random, i);
            long before = GC.GetAllocatedBytesForCurrentThread();
            BatchIntakeResult result = intake.Read(input, Unit);
            (IReadOnlyList<BulkPhotoFile> photos, IReadOnlyList<BulkFileRefusal> bulkRefusals) = BulkArchive.Read(input, "fuzz.zip");
            long cost = GC.GetAllocatedBytesForCurrentThread() - before;
            worst = Math.Max(worst, cost);
            Assert.True(cost < AllocationBound, $"input {i}: {cost:N0} bytes allocated");
            Assert.True(result.Accepted.Count + result.Refusals.Count > 0 || result.EntryCount == 0, $"input {i}: no outcome");
            Assert.All(result.Refusals, r => Assert.False(string.IsNullOrWhiteSpace(r.MessageZh), $"input {i}: refusal without text"));
            Assert.True(photos.Count + bulkRefusals.Count > 0, $"input {i}: the bulk reader gave no outcome");
            Assert.All(result.Accepted, a => Assert.True(a.Bytes.Length <= intake.Limits.MaxEntryBytes));
            accepted += result.Accepted.Count > 0 ? 1 : 0;
            refused += result.IsPackageRefused ? 1 : 0;
        }

        // Both outcomes must occur, or the mutations are not reaching the code they are meant to exercise.
        Assert.True(accepted > 100 && refused > 100, $"accepted {accepted}, refused {refused}, worst {worst:N0} bytes");
    }

    private static byte[] Seed()
    {
        var zip = new TestZip()
            .AddDirectory(Unit + "/")
            .Add(Unit + "/0100100001.jpg", TestZip.Photo(1, 3_000))
            .Add(Unit + "/0100100002.jpg", TestZip.Photo(2, 2_000), level: CompressionLevel.NoCompression)
            .Add(Unit + "/0100100003.jpg", Enumerable.Repeat((byte)0x41, 4_000).Prepend((byte)0xD8).Prepend((byte)0xFF).Append((byte)0xFF).Append((byte)0xD9).ToArray())
            .Add(Unit + "/说明.txt", "照片包"u8.ToArray());
        return zip.Build(TestZip.Gbk);
    }

    private static byte[] Mutate(byte[] seed, Random random, int i)
    {
        byte[] copy = (byte[])seed.Clone();
        switch (i % 5)
        {
            case 0: // truncate
                return copy.AsSpan(0, random.Next(0, copy.Length)).ToArray();
            case 1: // flip bits, biased to the local headers and the central directory at the end
                for (int k = random.Next(1, 6); k > 0; k--)
                {
                    int at = random.Next(3) switch
                    {
                        0 => random.Next(Math.Min(copy.Length, 120)),
                        1 => copy.Length - 1 - random.Next(Math.Min(copy.Length, 400)),
                        _ => random.Next(copy.Length),
                    };
                    copy[at] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 2: // stomp bytes with 0x00 / 0xFF / random
                for (int k = random.Next(1, 4); k > 0; k--)
                {
                    copy[random.Next(copy.Length)] = random.Next(3) switch { 0 => 0, 1 => 0xFF, _ => (byte)random.Next(256) };
                }

                return copy;
            case 3: // forge a size or count field of a central record or the end record to a huge or odd value
                {
                    var records = TestZip.CentralRecords(copy);
                    int field = records[random.Next(records.Count)].Central + (random.Next(2) == 0 ? 20 : 24);
                    if (random.Next(4) == 0)
                    {
                        field = copy.Length - 22 + (random.Next(2) == 0 ? 8 : 10); // end record: entry counts
                    }

                    uint value = random.Next(3) switch { 0 => uint.MaxValue, 1 => 0x7FFF_FFFF, _ => (uint)random.Next() };
                    BitConverter.GetBytes(value).AsSpan(0, field >= copy.Length - 22 ? 2 : 4).CopyTo(copy.AsSpan(field));
                    return copy;
                }

            default: // splice: a range duplicated or removed
                int start = random.Next(copy.Length);
                int length = random.Next(0, Math.Min(256, copy.Length - start));
                return random.Next(2) == 0
                    ? [.. copy.AsSpan(0, start), .. copy.AsSpan(start + length)]
                    : [.. copy.AsSpan(0, start + length), .. copy.AsSpan(start)];
        }
    }
}
