using System.Collections.Concurrent;
using SocialCard.Platform.Jobs;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>TEST DOUBLE for the SMS provider: records messages; refuses numbers ending in 0000.</summary>
public sealed class RecordingSmsGateway : ISmsGateway
{
    public ConcurrentQueue<(string Phone, string Body)> Sent { get; } = new();

    public Task<bool> SendAsync(string phone, string body, CancellationToken cancellationToken)
    {
        if (phone.EndsWith("0000", StringComparison.Ordinal))
        {
            return Task.FromResult(false);
        }

        Sent.Enqueue((phone, body));
        return Task.FromResult(true);
    }
}
