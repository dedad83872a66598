namespace SocialCard.Web.Features.Wizard;

/// <summary>Route and bilingual title of each step, for the progress indicator and redirects.</summary>
public static class WizardSteps
{
    public static IReadOnlyList<WizardStepInfo> All { get; } =
    [
        new(WizardStep.Notice, "/apply", "阅读说明", "Notice"),
        new(WizardStep.Agreement, "/apply/agreement", "同意声明", "Agreement"),
        new(WizardStep.Identity, "/apply/identity", "证件信息", "ID document"),
        new(WizardStep.Mobile, "/apply/mobile", "手机验证", "Mobile"),
        new(WizardStep.Unit, "/apply/unit", "单位信息", "Work unit"),
        new(WizardStep.Personal, "/apply/personal", "个人信息", "Personal data"),
        new(WizardStep.Photo, "/apply/photo", "照片", "Photo"),
        new(WizardStep.IdCard, "/apply/idcard", "身份证图片", "ID card images"),
        new(WizardStep.Occupation, "/apply/occupation", "职业学历", "Occupation"),
        new(WizardStep.Summary, "/apply/summary", "确认提交", "Review"),
    ];

    public static WizardStepInfo Get(WizardStep step) => All[(int)step];
}

public sealed record WizardStepInfo(WizardStep Step, string Path, string Zh, string En);
