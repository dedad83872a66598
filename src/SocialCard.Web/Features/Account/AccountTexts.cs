using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.Account;

public sealed class AccountTexts : IUiTextSource
{
    public IEnumerable<KeyValuePair<string, UiTextEntry>> Entries { get; } = new Dictionary<string, UiTextEntry>
    {
        ["login.unit.title"] = new("参保单位登录", "Employer sign-in"),
        ["login.unit.code"] = new("单位代码", "Unit code"),
        ["login.staff.title"] = new("中心工作人员登录", "Centre staff sign-in"),
        ["login.staff.login"] = new("工号", "Staff login"),
        ["login.password"] = new("密码", "Password"),
        ["login.submit"] = new("登录", "Sign in"),
        ["login.invalid"] = new("账号或密码错误。", "Wrong account or password."),
        ["login.throttled"] = new("登录失败次数过多，请稍后再试。", "Too many failed attempts. Please wait a moment and try again."),
        ["login.throttled.detail"] = new("约 {0} 秒后可以再试。", "You can try again in about {0} s."),
        ["login.required"] = new("请填写账号和密码。", "Please enter the account and the password."),
        ["login.demo"] = new("演示环境账号见启动日志。", "Demo accounts are printed in the start-up log."),
    };
}
