using System.Text;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Tests.Batches;

public sealed class Crc32Tests
{
    [Fact]
    public void Standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0xCBF43926u, Crc32.ComputeBytewise(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Sliced_matches_bytewise_for_every_length_and_alignment()
    {
        var data = new byte[300];
        new Random(5).NextBytes(data);
        for (int start = 0; start < 8; start++)
        {
            for (int length = 0; length + start <= data.Length; length += 7)
            {
                var span = data.AsSpan(start, length);
                Assert.Equal(Crc32.ComputeBytewise(span), Crc32.Compute(span));
            }
        }
    }
}
