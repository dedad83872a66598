namespace SocialCard.Web.Features.Sms;

/// <summary>The send limits a store enforces atomically together with recording a send.</summary>
public readonly record struct SmsLimits(TimeSpan ResendInterval, int DailyPerNumber, int DailyPerClient)
{
    public static readonly TimeSpan Day = TimeSpan.FromHours(24);
}
