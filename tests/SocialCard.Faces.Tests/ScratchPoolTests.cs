namespace SocialCard.Faces.Tests;

/// <summary><see cref="ScratchPool{T}"/>: a returned object is rented again instead of a new one, and objects in use at
/// the same time are never the same one.</summary>
public sealed class ScratchPoolTests
{
    [Fact]
    public void A_returned_object_is_reused_and_two_in_use_are_distinct()
    {
        int made = 0;
        var pool = new ScratchPool<object>(() =>
        {
            made++;
            return new object();
        });
        object first = pool.Rent(), second = pool.Rent();
        Assert.NotSame(first, second);
        pool.Return(first);
        Assert.Same(first, pool.Rent());
        Assert.Equal(2, made);
    }
}
