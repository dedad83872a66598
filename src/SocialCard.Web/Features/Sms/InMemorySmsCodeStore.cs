namespace SocialCard.Web.Features.Sms;

/// <summary>
/// Process-local <see cref="ISmsCodeStore"/> for one web node (demo, tests, single-machine deployments). Codes and the
/// send log are lost on restart and not shared between nodes: a load-balanced deployment needs a database-backed store
/// (Platform has no SMS-code table yet). One lock guards everything, which makes both operations atomic.
/// </summary>
public sealed class InMemorySmsCodeStore : ISmsCodeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SmsCodeEntry> _open = new(StringComparer.Ordinal);
    private readonly List<(string Phone, string Client, DateTimeOffset At)> _sends = [];

    public ValueTask<SmsSendResult> TryIssueAsync(SmsCodeEntry entry, SmsLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _sends.RemoveAll(s => now - s.At >= SmsLimits.Day);
            DateTimeOffset? lastForNumberOrClient = null;
            int perNumber = 0;
            int perClient = 0;
            DateTimeOffset? oldestNumber = null;
            DateTimeOffset? oldestClient = null;
            foreach ((string phone, string client, DateTimeOffset at) in _sends)
            {
                bool samePhone = string.Equals(phone, entry.Phone, StringComparison.Ordinal);
                bool sameClient = string.Equals(client, entry.ClientKey, StringComparison.Ordinal);
                if (samePhone)
                {
                    perNumber++;
                    oldestNumber = oldestNumber is null || at < oldestNumber ? at : oldestNumber;
                }

                if (sameClient)
                {
                    perClient++;
                    oldestClient = oldestClient is null || at < oldestClient ? at : oldestClient;
                }

                if ((samePhone || sameClient) && (lastForNumberOrClient is null || at > lastForNumberOrClient))
                {
                    lastForNumberOrClient = at;
                }
            }

            if (lastForNumberOrClient is { } last && now - last < limits.ResendInterval)
            {
                return ValueTask.FromResult(new SmsSendResult(SmsSendStatus.TooSoon, limits.ResendInterval - (now - last)));
            }

            if (perNumber >= limits.DailyPerNumber)
            {
                return ValueTask.FromResult(new SmsSendResult(SmsSendStatus.NumberDailyLimit, oldestNumber!.Value + SmsLimits.Day - now));
            }

            if (perClient >= limits.DailyPerClient)
            {
                return ValueTask.FromResult(new SmsSendResult(SmsSendStatus.ClientDailyLimit, oldestClient!.Value + SmsLimits.Day - now));
            }

            _sends.Add((entry.Phone, entry.ClientKey, now));
            _open[entry.Phone] = entry;
            return ValueTask.FromResult(new SmsSendResult(SmsSendStatus.Sent));
        }
    }

    public ValueTask<SmsVerifyResult> VerifyAsync(string phone, Func<SmsCodeEntry, bool> matches, int maxAttempts, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(phone, out SmsCodeEntry? entry))
            {
                return ValueTask.FromResult(new SmsVerifyResult(SmsVerifyStatus.NoCode, 0));
            }

            if (entry.Closed)
            {
                return ValueTask.FromResult(entry.FailedAttempts >= maxAttempts
                    ? new SmsVerifyResult(SmsVerifyStatus.TooManyAttempts, 0)
                    : new SmsVerifyResult(SmsVerifyStatus.NoCode, 0));
            }

            if (now >= entry.ExpiresAt)
            {
                return ValueTask.FromResult(new SmsVerifyResult(SmsVerifyStatus.Expired, 0));
            }

            if (matches(entry))
            {
                entry.Closed = true;
                return ValueTask.FromResult(new SmsVerifyResult(SmsVerifyStatus.Verified, maxAttempts - entry.FailedAttempts));
            }

            entry.FailedAttempts++;
            if (entry.FailedAttempts >= maxAttempts)
            {
                entry.Closed = true;
                return ValueTask.FromResult(new SmsVerifyResult(SmsVerifyStatus.TooManyAttempts, 0));
            }

            return ValueTask.FromResult(new SmsVerifyResult(SmsVerifyStatus.WrongCode, maxAttempts - entry.FailedAttempts));
        }
    }
}
