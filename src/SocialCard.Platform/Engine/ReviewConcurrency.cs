namespace SocialCard.Platform.Engine;

/// <summary>
/// The node-wide limit on photo checks running at once. Every check decodes a whole image (up to the header pixel
/// budget) and runs the face networks; without a limit, each upload's own parallelism multiplies with the number of
/// concurrent uploads and the memory of the node with it. Callers run each check through <see cref="Run{T}"/>; the
/// others wait their turn.
/// </summary>
public sealed class ReviewConcurrency : IDisposable
{
    private readonly SemaphoreSlim _slots;

    /// <param name="maxConcurrentChecks">Checks at once on this node; 0 or less = one per core.</param>
    public ReviewConcurrency(int maxConcurrentChecks)
    {
        Limit = maxConcurrentChecks > 0 ? maxConcurrentChecks : Environment.ProcessorCount;
        _slots = new SemaphoreSlim(Limit, Limit);
    }

    /// <summary>Checks allowed at once.</summary>
    public int Limit { get; }

    /// <summary>Runs <paramref name="check"/> when a slot is free.</summary>
    public T Run<T>(Func<T> check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        _slots.Wait(cancellationToken);
        try
        {
            return check();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
