namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// A clock that stands still until a test moves it: a wait the site asks for (a sign-in delay) then lasts exactly as
/// long as the test says, however slowly a busy machine answers the requests in between.
/// </summary>
public sealed class SteppedClock : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
