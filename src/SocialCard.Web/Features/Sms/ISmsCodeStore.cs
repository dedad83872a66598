namespace SocialCard.Web.Features.Sms;

/// <summary>
/// Storage of verification codes. Both operations must be atomic per phone number (a database store does each in one
/// transaction) so two concurrent requests can neither exceed the send limits nor both use up the last attempt.
/// </summary>
public interface ISmsCodeStore
{
    /// <summary>
    /// Checks the send limits for <paramref name="entry"/>'s number and client at <paramref name="now"/> and, when
    /// allowed, records the send and makes <paramref name="entry"/> the number's only open code.
    /// </summary>
    ValueTask<SmsSendResult> TryIssueAsync(SmsCodeEntry entry, SmsLimits limits, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a code against the number's open code: <paramref name="matches"/> compares hashes; a wrong code counts
    /// an attempt and the attempt that reaches <paramref name="maxAttempts"/> closes the code; a right one closes it
    /// as used.
    /// </summary>
    ValueTask<SmsVerifyResult> VerifyAsync(string phone, Func<SmsCodeEntry, bool> matches, int maxAttempts, DateTimeOffset now,
        CancellationToken cancellationToken);
}
