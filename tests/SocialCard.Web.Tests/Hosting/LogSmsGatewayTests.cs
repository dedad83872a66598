using Microsoft.Extensions.Logging;
using SocialCard.Web.Hosting;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>The log-only SMS gateway never writes a verification code or a whole phone number to the log.</summary>
public sealed class LogSmsGatewayTests
{
    [Fact]
    public async Task The_log_shows_neither_the_code_nor_the_whole_phone()
    {
        var logger = new RecordingLogger();
        Assert.True(await new LogSmsGateway(logger).SendAsync("13912345678", "您的验证码是 482913，5分钟内有效。", CancellationToken.None));

        string line = Assert.Single(logger.Lines);
        Assert.DoesNotContain("482913", line, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", line, StringComparison.Ordinal);
        Assert.Contains("您的验证码是 ******", line, StringComparison.Ordinal);
    }

    private sealed class RecordingLogger : ILogger<LogSmsGateway>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
