namespace SocialCard.Web.Features.Sms;

public sealed record DevSmsMessage(string Phone, string Text, DateTimeOffset SentAt);
