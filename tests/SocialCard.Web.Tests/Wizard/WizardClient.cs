using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>A browser-like client for the wizard: keeps cookies, posts forms with the antiforgery token.</summary>
public sealed partial class WizardClient(HttpClient client)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private string? _token;

    public HttpClient Http { get; } = client;

    public async Task<string> GetHtmlAsync(string path)
    {
        HttpResponseMessage response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        string html = await response.Content.ReadAsStringAsync();
        Match token = TokenPattern().Match(html);
        if (token.Success)
        {
            _token = token.Groups[1].Value; // pages without a form (the done page) keep the previous token
        }

        return html;
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IDictionary<string, string> fields, string? handler = null)
    {
        if (_token is null)
        {
            await GetHtmlAsync(path);
        }

        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = _token! };
        string url = handler is null ? path : $"{path}?handler={handler}";
        return await Http.PostAsync(url, new FormUrlEncodedContent(content));
    }

    public async Task<HttpResponseMessage> PostFilesAsync(string path, IEnumerable<(string Field, string FileName, byte[] Bytes)> files, string? handler = null)
    {
        if (_token is null)
        {
            await GetHtmlAsync(path);
        }

        using var content = new MultipartFormDataContent { { new StringContent(_token!), "__RequestVerificationToken" } };
        foreach ((string field, string fileName, byte[] bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, field, fileName);
        }

        string url = handler is null ? path : $"{path}?handler={handler}";
        return await Http.PostAsync(url, content);
    }

    /// <summary>Posts and expects a redirect to <paramref name="next"/>.</summary>
    public async Task AdvanceAsync(string path, IDictionary<string, string> fields, string next)
    {
        HttpResponseMessage response = await PostAsync(path, fields);
        string body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : string.Empty;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {path}: {(int)response.StatusCode} {Errors(body)}");
        Assert.Equal(next, response.Headers.Location?.OriginalString);
    }

    /// <summary>Posts and expects the page back (200) with a validation message containing <paramref name="message"/>.</summary>
    public async Task<string> RejectedAsync(string path, IDictionary<string, string> fields, string message, string? handler = null)
    {
        HttpResponseMessage response = await PostAsync(path, fields, handler);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: expected the page again, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains(message, WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        return body;
    }

    public static string Errors(string html)
    {
        int start = html.IndexOf("validation-summary-errors", StringComparison.Ordinal);
        return start < 0 ? string.Empty : WebUtility.HtmlDecode(html.Substring(start, Math.Min(600, html.Length - start)));
    }
}
