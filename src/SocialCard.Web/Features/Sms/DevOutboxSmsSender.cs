namespace SocialCard.Web.Features.Sms;

/// <summary>Default <see cref="ISmsSender"/>: nothing leaves the machine, the message appears on /dev/sms-outbox.</summary>
public sealed class DevOutboxSmsSender(DevSmsOutbox outbox, TimeProvider clock) : ISmsSender
{
    public Task SendAsync(string phone, string text, CancellationToken cancellationToken)
    {
        outbox.Add(new DevSmsMessage(phone, text, clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
