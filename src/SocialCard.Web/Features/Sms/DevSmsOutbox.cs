namespace SocialCard.Web.Features.Sms;

/// <summary>The demo outbox: the last messages "sent", newest first, kept in memory (capped).</summary>
public sealed class DevSmsOutbox
{
    private const int Capacity = 200;
    private readonly Lock _gate = new();
    private readonly LinkedList<DevSmsMessage> _messages = new();

    public void Add(DevSmsMessage message)
    {
        lock (_gate)
        {
            _messages.AddFirst(message);
            while (_messages.Count > Capacity)
            {
                _messages.RemoveLast();
            }
        }
    }

    public IReadOnlyList<DevSmsMessage> Snapshot()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    /// <summary>The newest message to <paramref name="phone"/>, for tests.</summary>
    public DevSmsMessage? LatestFor(string phone)
    {
        lock (_gate)
        {
            foreach (DevSmsMessage message in _messages)
            {
                if (string.Equals(message.Phone, phone, StringComparison.Ordinal))
                {
                    return message;
                }
            }

            return null;
        }
    }
}
