using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Display names of domain values in the visitor's language.</summary>
public static class WizardText
{
    public static string Gender(Gender gender) => gender switch
    {
        Platform.Domain.Gender.Male => WizardPageModel.Say("男", "Male"),
        Platform.Domain.Gender.Female => WizardPageModel.Say("女", "Female"),
        _ => WizardPageModel.Say("未知", "Unknown"),
    };

    public static string GenderZh(Gender gender) => gender switch
    {
        Platform.Domain.Gender.Male => "男",
        Platform.Domain.Gender.Female => "女",
        _ => "未知",
    };

    public static string IdTypeZh(IdType type) => type == IdType.Passport ? "护照" : "居民身份证(户口簿)";
}
