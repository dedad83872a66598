using System.Text.RegularExpressions;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Reads a page, takes its antiforgery token, posts a form: what a browser does.</summary>
public static partial class FormPost
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string Token(string html)
    {
        Match match = TokenPattern().Match(html);
        Assert.True(match.Success, "page has no antiforgery token");
        return match.Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        string html = await client.GetStringAsync(pageUrl);
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(html) };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(content));
    }

    public static async Task SignInUnitAsync(HttpClient client, string unit, string password)
    {
        HttpResponseMessage response = await PostAsync(client, "/portal/login", new Dictionary<string, string> { ["UnitCode"] = unit, ["Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task SignInStaffAsync(HttpClient client, string login, string password)
    {
        HttpResponseMessage response = await PostAsync(client, "/console/login", new Dictionary<string, string> { ["StaffLogin"] = login, ["Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }
}
