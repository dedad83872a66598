namespace SocialCard.Platform.Limits;

/// <summary>
/// One limit to take a permit from: at most <paramref name="Permits"/> takes for <paramref name="Subject"/> (a phone
/// number, a client address, a login name) under <paramref name="Scope"/> (what is limited, e.g. "sms.number") in a
/// window of <paramref name="Window"/> that starts at the first take. The subject is stored only as a keyed hash.
/// </summary>
public readonly record struct RateLimit(string Scope, string Subject, int Permits, TimeSpan Window);
