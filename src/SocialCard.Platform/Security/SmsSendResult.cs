namespace SocialCard.Platform.Security;

/// <summary>Outcome of asking for a code; <see cref="RetryAfter"/> is set when the caller must wait.</summary>
public readonly record struct SmsSendResult(SmsSendStatus Status, TimeSpan? RetryAfter = null)
{
    public bool IsSent => Status == SmsSendStatus.Sent;

    public (string Zh, string En) Message => Status switch
    {
        SmsSendStatus.Sent => ("验证码已发送，5分钟内有效。", "The code has been sent; it is valid for 5 minutes."),
        SmsSendStatus.TooSoon => ($"发送过于频繁，请{Seconds}秒后再试。", $"Too many requests; try again in {Seconds} s."),
        SmsSendStatus.NumberDailyLimit => ("该手机号码今日获取验证码次数已达上限，请明天再试。", "This number has reached today's limit of codes; try again tomorrow."),
        SmsSendStatus.ClientDailyLimit => ("您的网络今日获取验证码次数已达上限，请明天再试。", "Your network has reached today's limit of codes; try again tomorrow."),
        _ => ("请输入11位中国大陆手机号码。", "Enter an 11-digit mainland China mobile number."),
    };

    private int Seconds => (int)Math.Ceiling((RetryAfter ?? TimeSpan.Zero).TotalSeconds);
}
