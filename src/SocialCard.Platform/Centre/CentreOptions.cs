namespace SocialCard.Platform.Centre;

/// <summary>
/// Section "Centre": who runs this site and what it offers: names, city, hotline, card pickup, the channels that
/// are on, the photo profiles and the registration form's title. Every page, text, PDF and API answer that names
/// the centre reads it from here. The defaults are the demo centre that <c>./run.sh</c> runs (Suzhou Industrial
/// Park, both channels); <c>CentreFile</c> layers a sample such as <c>config/centres/chengdu.json</c> over them.
/// </summary>
public sealed class CentreOptions
{
    public const string SectionName = "Centre";

    /// <summary>The site's name in the header.</summary>
    public CentreText SiteName { get; set; } = new("苏州工业园区社会保障·市民卡服务", "SIP Social Security Card Service");

    /// <summary>The agency that runs the site (footer, wizard notice and consent).</summary>
    public CentreText AgencyName { get; set; } = new("苏州工业园区社会保险基金和公积金管理中心", "SIP Social Insurance Fund and Housing Provident Fund Centre");

    /// <summary>Short name of the agency in sentences ("请联系…").</summary>
    public CentreText AgencyShortName { get; set; } = new("园区社保和公积金中心", "the SIP centre");

    public CentreText City { get; set; } = new("苏州", "Suzhou");

    /// <summary>The number applicants and employers call with questions.</summary>
    public string Hotline { get; set; } = "0512-12333";

    public CentrePickup Pickup { get; set; } = new();

    public CentreChannels Channels { get; set; } = new();

    /// <summary>Photo profile of unit packages, the portal and the API default (<c>SpecProfiles</c> id).</summary>
    public string PhotoProfile { get; set; } = "suzhou-sscard";

    /// <summary>Photo profile of the applicant wizard: the platform names the file, so a profile without a naming rule.</summary>
    public string ApplicantPhotoProfile { get; set; } = "chengdu-sscard";

    /// <summary>How long a paper photo handed in at the counter usually takes to reach the card centre's records
    /// (seed 000 三.4: 通过柜台提交纸质照片至成功审核入库，一般2周左右); printed on the counter receipt.</summary>
    public int CounterPhotoDays { get; set; } = 14;

    /// <summary>The banks a unit can choose (开户银行), as configured (<c>Centre:Banks:0:Code</c>, <c>:Zh</c>, <c>:En</c>);
    /// empty: <see cref="DefaultBanks"/>. Read through <see cref="BankList"/>.</summary>
    public List<CentreBank> Banks { get; set; } = [];

    /// <summary>The embedded list: the banks of the Chengdu registration form.</summary>
    public static IReadOnlyList<CentreBank> DefaultBanks { get; } =
    [
        new("ICBC", "工商银行", "Industrial and Commercial Bank of China"),
        new("ABC", "农业银行", "Agricultural Bank of China"),
        new("CCB", "建设银行", "China Construction Bank"),
        new("PSBC", "邮政储蓄银行", "Postal Savings Bank of China"),
        new("BOCD", "成都银行", "Bank of Chengdu"),
        new("CDRCB", "成都农村商业银行", "Chengdu Rural Commercial Bank"),
    ];

    /// <summary>The banks a unit can choose: the configured ones, or the embedded list when none are configured.</summary>
    public IReadOnlyList<CentreBank> BankList => Banks.Count > 0 ? Banks : DefaultBanks;

    /// <summary>The bank of <paramref name="code"/> on this centre's list, or null.</summary>
    public CentreBank? FindBank(string? code) => code is null ? null : BankList.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.Ordinal));

    /// <summary>The bank's name in the reader's language, or the code itself when it is not on the list.</summary>
    public string BankName(string code, bool english = false) =>
        FindBank(code) is { } bank ? (english && bank.En.Length > 0 ? bank.En : bank.Zh) : code;

    /// <summary>Title of the registration form the wizard prints (PDF and the done page).</summary>
    public CentreText FormTitle { get; set; } = new("苏州市社会保障·市民卡申领登记表", "Suzhou social security / citizen card registration form");
}
