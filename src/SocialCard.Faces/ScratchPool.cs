namespace SocialCard.Faces;

/// <summary>
/// Scratch objects not in use, kept for reuse: <see cref="Rent"/> takes one (or makes one), <see cref="Return"/> gives it
/// back. Thread-safe; it holds at most as many as were ever in use at once (one per concurrent call).
/// </summary>
internal sealed class ScratchPool<T>(Func<T> create)
    where T : class
{
    private readonly Stack<T> _free = new();
    private readonly Lock _lock = new();

    public T Rent()
    {
        lock (_lock)
        {
            if (_free.TryPop(out T? item))
            {
                return item;
            }
        }

        return create();
    }

    public void Return(T item)
    {
        lock (_lock)
        {
            _free.Push(item);
        }
    }
}
