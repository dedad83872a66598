namespace SocialCard.Web.Localization;

/// <summary>Strings of the shared layout, navigation, common words and errors.</summary>
public sealed class CoreTexts : IUiTextSource
{
    public IEnumerable<KeyValuePair<string, UiTextEntry>> Entries { get; } = new Dictionary<string, UiTextEntry>
    {
        ["site.name"] = new("苏州工业园区社会保障·市民卡照片服务", "SIP Social Security Card Photo Service"),
        ["site.short"] = new("社保卡照片服务", "Card photo service"),
        ["site.footer"] = new("苏州工业园区社会保险基金和公积金管理中心", "SIP Social Insurance Fund and Housing Provident Fund Centre"),
        ["nav.home"] = new("首页", "Home"),
        ["nav.portal"] = new("单位网上业务", "Employer services"),
        ["nav.console"] = new("中心工作台", "Centre console"),
        ["nav.logout"] = new("退出", "Sign out"),
        ["nav.language"] = new("English", "中文"),
        ["nav.skip"] = new("跳到正文", "Skip to content"),
        ["common.search"] = new("查询", "Search"),
        ["common.submit"] = new("提交", "Submit"),
        ["common.cancel"] = new("取消", "Cancel"),
        ["common.back"] = new("返回", "Back"),
        ["common.download.xlsx"] = new("下载 Excel (.xlsx)", "Download Excel (.xlsx)"),
        ["common.download.csv"] = new("下载 CSV", "Download CSV"),
        ["common.page.prev"] = new("上一页", "Previous"),
        ["common.page.next"] = new("下一页", "Next"),
        ["common.page.of"] = new("第 {0} / {1} 页，共 {2} 条", "Page {0} of {1}, {2} rows"),
        ["common.none"] = new("暂无记录", "Nothing here yet"),
        ["common.yes"] = new("是", "Yes"),
        ["common.no"] = new("否", "No"),
        ["home.title"] = new("社保卡照片服务", "Card photo service"),
        ["home.lead"] = new("参保单位提交员工照片、查询预审与制卡结果；中心工作人员审核与对接市社保卡中心。", "Employers submit staff photos and follow pre-review and card production; centre staff review and exchange with the city card centre."),
        ["home.unit"] = new("参保单位登录", "Employer sign-in"),
        ["home.staff"] = new("中心工作人员登录", "Centre staff sign-in"),
        ["error.title"] = new("出错了", "Something went wrong"),
        ["error.lead"] = new("请求未能完成，请稍后重试。如多次出现，请联系中心。", "The request could not be completed. Please try again later, or contact the centre if it keeps happening."),
        ["error.notfound"] = new("页面不存在", "Page not found"),
        ["error.forbidden"] = new("无权访问此页面", "You may not open this page"),
        ["problem.validation"] = new("请求参数不正确", "The request is not valid"),
        ["problem.unauthorized"] = new("需要有效的 API 密钥（X-Api-Key 请求头）", "A valid API key is required (X-Api-Key header)"),
        ["problem.forbidden"] = new("无权访问该资源", "Access to this resource is not allowed"),
        ["problem.notfound"] = new("资源不存在", "Resource not found"),
        ["problem.ratelimited"] = new("请求过于频繁，请稍后再试", "Too many requests; please retry later"),
        ["problem.toolarge"] = new("上传内容过大", "The upload is too large"),
        ["problem.server"] = new("服务器内部错误", "Internal server error"),
    };
}
