namespace SocialCard.Platform.Security;

/// <summary>Verification-code rules, bound from the "SmsOptions" section (seed 004's limits by default).</summary>
public sealed class SmsOptions
{
    public int CodeLength { get; set; } = 6;

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong entries allowed for one code; the next one voids it.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>At most one send per this interval, per number and per client address.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sends per number in any rolling 24 hours.</summary>
    public int DailyLimitPerNumber { get; set; } = 10;

    /// <summary>Sends per client address in any rolling 24 hours.</summary>
    public int DailyLimitPerClient { get; set; } = 10;

    /// <summary>
    /// Read by the web host: maps GET /dev/sms-outbox, which shows every code sent (centre staff only). Only for the demo
    /// and tests: never outside the Development and Testing environments; there null = on, false = off.
    /// </summary>
    public bool? EnableDevOutbox { get; set; }
}
