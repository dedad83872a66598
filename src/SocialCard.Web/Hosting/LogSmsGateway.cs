using SocialCard.Platform.Jobs;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Hosting;

/// <summary>
/// Default <see cref="ISmsGateway"/> for the Platform's SMS dispatch job on a machine without an SMS contract: logs the
/// message with the phone masked and every digit of the text hidden (a verification code in a log would let anyone
/// who reads the log pass the SMS step), and reports it sent. A deployment registers its operator's gateway before
/// <c>AddPlatformServices()</c>.
/// </summary>
public sealed class LogSmsGateway(ILogger<LogSmsGateway> logger) : ISmsGateway
{
    public Task<bool> SendAsync(string phone, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        WebLog.SmsLogged(logger, PersonalDataMask.Phone(phone), HideDigits(body));
        return Task.FromResult(true);
    }

    /// <summary>The text with every digit replaced by '*'.</summary>
    public static string HideDigits(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiDigit(source[i]) ? '*' : source[i];
            }
        });
}
