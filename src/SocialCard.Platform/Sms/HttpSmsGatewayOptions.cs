namespace SocialCard.Platform.Sms;

/// <summary>Bound from the "SmsGateway" section: the SMS provider's HTTP endpoint and credentials. With no
/// <see cref="Endpoint"/> the host keeps its log-only gateway (no SMS contract on a demo machine).</summary>
public sealed class HttpSmsGatewayOptions
{
    /// <summary>Base URL of the provider's API, e.g. <c>https://sms.example.cn/api/v1/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Our account id at the provider (sent as <c>X-Sms-Key</c>).</summary>
    public string AccessKeyId { get; set; } = string.Empty;

    /// <summary>Shared secret of the request signature (HMAC-SHA256).</summary>
    public string AccessKeySecret { get; set; } = string.Empty;

    /// <summary>Registered SMS signature the provider puts in front of every text (e.g. 【社保卡中心】).</summary>
    public string SignName { get; set; } = string.Empty;

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of a call with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a failed attempt (timeouts, 408, 429, 5xx), with exponential back-off and jitter.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
