using Microsoft.Extensions.DependencyInjection;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>Walks the wizard with valid data up to a step, so each test starts where it needs to.</summary>
public sealed class WizardFlow(ApplicantSite site, WizardClient client)
{
    /// <summary>张小明's phone on file.</summary>
    public const string Mobile = ApplicantData.ApplicantPhone;

    public WizardClient Client { get; } = client;

    public static async Task<WizardFlow> StartAsync(ApplicantSite site) => new(site, new WizardClient(await site.ClientAsync()));

    public async Task ConsentsAsync()
    {
        await Client.GetHtmlAsync("/apply");
        await Client.AdvanceAsync("/apply", new Dictionary<string, string> { ["Accepted"] = "true" }, "/apply/agreement");
        await Client.AdvanceAsync("/apply/agreement", new Dictionary<string, string> { ["Accepted"] = "true" }, "/apply/identity");
    }

    public async Task IdentityAsync(string idNumber)
    {
        await ConsentsAsync();
        await Client.AdvanceAsync("/apply/identity", idNumber == ApplicantData.PassportNumber
            ? Identity(idNumber, "Passport", ApplicantData.PassportCountry)
            : Identity(idNumber), "/apply/mobile");
    }

    public static Dictionary<string, string> Identity(string idNumber, string type = "ResidentId", string country = "CHN") =>
        new() { ["IdType"] = type, ["CountryCode"] = country, ["IdNumber"] = idNumber };

    /// <summary>The identity step sends the code to the phone on file; entering it proves control of that phone.</summary>
    public async Task MobileAsync(string idNumber = "")
    {
        string id = idNumber.Length > 0 ? idNumber : ApplicantData.ApplicantId;
        await IdentityAsync(id);
        await Client.AdvanceAsync("/apply/mobile", new Dictionary<string, string> { ["Code"] = await site.LatestCodeAsync(ApplicantData.PhoneOf(id)) }, "/apply/unit");
        site.Clock.Advance(TimeSpan.FromMinutes(1)); // the next send (another test step) is allowed again
    }

    public async Task<long> UnitIdAsync(string name)
    {
        IReadOnlyList<SocialCard.Web.Features.Wizard.UnitChoice> found =
            await site.Services.GetRequiredService<SocialCard.Web.Features.Wizard.IApplicantRegistry>().SearchUnitsAsync(name, 5, default);
        return found.Single().Id;
    }

    public async Task UnitAsync(string idNumber = "")
    {
        await MobileAsync(idNumber);
        long unit = await UnitIdAsync(ApplicantData.WorkUnitName);
        await Client.AdvanceAsync("/apply/unit", new Dictionary<string, string> { ["WorkUnitId"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Nationality"] = "CHN" }, "/apply/personal");
    }

    public static Dictionary<string, string> Personal(string until = "2035-07-17", string postal = "610041") => new()
    {
        ["IdIssuingAuthority"] = "成都市公安局武侯区分局",
        ["IdValidFrom"] = "2015-07-17",
        ["IdValidUntil"] = until,
        ["HouseholdAddress"] = "成都市武侯区洗面桥横街12号",
        ["ResidentialAddress"] = "成都市金牛区一环路北一段99号",
        ["PostalCode"] = postal,
    };

    public async Task PersonalAsync(string idNumber = "")
    {
        await UnitAsync(idNumber);
        await Client.AdvanceAsync("/apply/personal", Personal(), "/apply/photo");
    }

    public static byte[] CompliantPhoto() => DevsetPhotos.Read(DevsetPhotos.WithLabel("compliant", 1)[0]);

    public async Task PhotoAsync(string idNumber = "")
    {
        await PersonalAsync(idNumber);
        HttpResponseMessage uploaded = await Client.PostFilesAsync("/apply/photo", [("Upload", "me.jpg", CompliantPhoto())], "upload");
        string html = await uploaded.Content.ReadAsStringAsync();
        Assert.Contains("review-verdict", html, StringComparison.Ordinal);
        await Client.AdvanceAsync("/apply/photo", new Dictionary<string, string>(), idNumber == ApplicantData.PassportNumber ? "/apply/occupation" : "/apply/idcard");
    }

    public async Task IdCardAsync()
    {
        await PhotoAsync();
        byte[] card = SyntheticIdCard.Jpeg();
        HttpResponseMessage response = await Client.PostFilesAsync("/apply/idcard", [("Front", "front.jpg", card), ("Back", "back.jpg", card)]);
        Assert.Equal("/apply/occupation", response.Headers.Location?.OriginalString);
    }

    public async Task OccupationAsync()
    {
        await IdCardAsync();
        await Client.AdvanceAsync("/apply/occupation", new Dictionary<string, string> { ["OccupationCode"] = "2", ["EducationCode"] = "20" }, "/apply/summary");
    }

    public async Task SubmitAsync()
    {
        await OccupationAsync();
        await Client.AdvanceAsync("/apply/summary", new Dictionary<string, string>(), "/apply/done");
    }
}
