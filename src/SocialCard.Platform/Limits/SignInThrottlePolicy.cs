namespace SocialCard.Platform.Limits;

/// <summary>
/// The sign-in delays: a login from one address slows down soonest; the login from all addresses together allows more
/// (someone else's few wrong passwords do not hold up its owner) and caps lower; one address trying many logins is
/// slowed after <see cref="Address"/>'s free failures. Counts are forgotten <see cref="Forget"/> after the last attempt.
/// </summary>
public sealed class SignInThrottlePolicy
{
    public static SignInThrottlePolicy Default { get; } = new();

    public SignInThrottleRule LoginFromAddress { get; init; } = new(3, TimeSpan.FromMinutes(15));

    public SignInThrottleRule Login { get; init; } = new(10, TimeSpan.FromMinutes(5));

    public SignInThrottleRule Address { get; init; } = new(20, TimeSpan.FromMinutes(15));

    /// <summary>Quiet time after which a counter starts again; longer than every cap.</summary>
    public TimeSpan Forget { get; init; } = TimeSpan.FromHours(1);
}
