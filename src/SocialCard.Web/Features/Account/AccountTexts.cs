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
        ["password.title"] = new("修改密码", "Change password"),
        ["password.current"] = new("当前密码", "Current password"),
        ["password.new"] = new("新密码", "New password"),
        ["password.confirm"] = new("再次输入新密码", "New password again"),
        ["password.submit"] = new("修改密码", "Change password"),
        ["password.rule"] = new("新密码至少 {0} 个字符，不能与账号相同，也不能与当前密码相同。修改后，此账号在其他地方的登录会退出。",
            "At least {0} characters, not the account name and not the current password. Other sign-ins of this account end after the change."),
        ["password.required"] = new("请填写当前密码和两次新密码。", "Please enter the current password and the new one twice."),
        ["password.mismatch"] = new("两次输入的新密码不一致。", "The two new passwords are not the same."),
        ["password.wrong"] = new("当前密码不对。", "The current password is wrong."),
        ["password.short"] = new("新密码太短，请再长一些（见详情）。", "The new password is too short (see details)."),
        ["password.login"] = new("新密码不能与账号相同。", "The new password cannot be the account name."),
        ["password.same"] = new("新密码不能与当前密码相同。", "The new password must differ from the current one."),
        ["password.changed"] = new("密码已修改。此账号在其他地方的登录已退出。", "Password changed. Other sign-ins of this account have ended."),
        ["password.continue"] = new("继续", "Continue"),
        ["password.mustchange"] = new("您正在使用管理员设置的临时密码，请先设置自己的新密码。", "You are using a temporary password set by an administrator. Please choose your own password first."),
        ["password.reset.title"] = new("重置单位密码", "Reset a unit's password"),
        ["password.reset.submit"] = new("重置为临时密码", "Reset to a temporary password"),
        ["password.reset.required"] = new("请填写单位代码。", "Please enter the unit code."),
        ["password.reset.unknown"] = new("没有这个单位账号。", "There is no unit account with this code."),
        ["password.reset.done"] = new("单位 {0} 的临时密码：", "Temporary password of unit {0}:"),
        ["password.reset.once"] = new("此密码只显示这一次，请交给单位经办人。单位登录后须立即修改；原有登录已退出。",
            "This password is shown only this once: hand it to the unit's clerk. The unit must change it at the next sign-in; its current sign-ins have ended."),
        ["nav.password"] = new("修改密码", "Change password"),
        ["login.demo"] = new("演示环境账号见启动日志。", "Demo accounts are printed in the start-up log."),
    };
}
