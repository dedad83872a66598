namespace SocialCard.Platform.Limits;

/// <summary>
/// One counter's delay: the first <paramref name="FreeFailures"/> failures cost nothing; after that the next attempt
/// waits one second, doubling with each further failure, never more than <paramref name="MaxDelay"/>.
/// </summary>
public sealed record SignInThrottleRule(int FreeFailures, TimeSpan MaxDelay)
{
    /// <summary>How long after the last counted attempt the next one may come, given the failures counted so far.</summary>
    public TimeSpan DelayAfter(long failures)
    {
        var over = failures - FreeFailures;
        if (over <= 0)
        {
            return TimeSpan.Zero;
        }

        // 2^30 s is far past any cap; stop doubling there.
        var seconds = Math.Pow(2, Math.Min(over - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
    }
}
