using System.Security.Cryptography;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Tests.Security;

public sealed class ApplicationReferenceTests
{
    private static readonly FieldProtector Protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void References_are_unique_eight_digit_and_not_sequential()
    {
        string[] references = [.. Enumerable.Range(1, 5000).Select(id => ApplicationReference.For(id, Protector))];
        Assert.All(references, r => Assert.Matches("^CD[0-9]{8}$", r));
        Assert.Equal(references.Length, references.Distinct(StringComparer.Ordinal).Count());
        int neighbours = references.Zip(references.Skip(1), (a, b) => Math.Abs(long.Parse(b[2..]) - long.Parse(a[2..])) <= 10 ? 1 : 0).Sum();
        Assert.True(neighbours < 5, $"{neighbours} consecutive ids got neighbouring references");
        Assert.DoesNotContain("CD00000001", references);
    }

    [Fact]
    public void The_same_id_and_key_give_the_same_reference_and_another_key_another()
    {
        Assert.Equal(ApplicationReference.For(42, Protector), ApplicationReference.For(42, Protector));
        Assert.NotEqual(ApplicationReference.For(42, Protector), ApplicationReference.For(42, new FieldProtector(RandomNumberGenerator.GetBytes(32))));
        Assert.Matches("^CD1[0-9]{8}$", ApplicationReference.For(100_000_007, Protector));
    }
}
