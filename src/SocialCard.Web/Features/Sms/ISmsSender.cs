namespace SocialCard.Web.Features.Sms;

/// <summary>Delivers one text message. The default (<see cref="DevOutboxSmsSender"/>) only shows it on /dev/sms-outbox;
/// a deployment registers its gateway's sender instead.</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken);
}
