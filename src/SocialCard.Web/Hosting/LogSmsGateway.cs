using SocialCard.Platform.Jobs;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Hosting;

/// <summary>
/// Default <see cref="ISmsGateway"/> for the Platform's SMS dispatch job on a machine without an SMS contract: logs the
/// message (phone masked) and reports it sent. A deployment registers its operator's gateway before
/// <c>AddPlatformServices()</c>.
/// </summary>
public sealed class LogSmsGateway(ILogger<LogSmsGateway> logger) : ISmsGateway
{
    public Task<bool> SendAsync(string phone, string body, CancellationToken cancellationToken)
    {
        WebLog.SmsLogged(logger, PersonalDataMask.Phone(phone), body);
        return Task.FromResult(true);
    }
}
