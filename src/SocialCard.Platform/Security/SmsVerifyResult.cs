namespace SocialCard.Platform.Security;

public readonly record struct SmsVerifyResult(SmsVerifyStatus Status, int AttemptsLeft)
{
    public bool IsVerified => Status == SmsVerifyStatus.Verified;

    public (string Zh, string En) Message => Status switch
    {
        SmsVerifyStatus.Verified => ("验证成功。", "Verified."),
        SmsVerifyStatus.WrongCode => ($"验证码错误，还可尝试{AttemptsLeft}次。", $"Wrong code; {AttemptsLeft} attempts left."),
        SmsVerifyStatus.Expired => ("验证码已过期，请重新获取。", "The code has expired; request a new one."),
        SmsVerifyStatus.TooManyAttempts => ("验证码错误次数过多，已失效，请重新获取。", "Too many wrong entries; the code is void, request a new one."),
        _ => ("请先获取验证码。", "Request a code first."),
    };
}
