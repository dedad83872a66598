using Microsoft.Playwright;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// Watches one page for what a person would not see but the browser reports: requests the site answers with an
/// error (a missing favicon, script or stylesheet) and anything the site's own Content-Security-Policy blocked.
/// </summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];

    public PageProblems(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                Add("csp: " + message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            // Documents answer with their own status (a 403 or 404 page is the expected answer there); every other
            // request the page makes must succeed.
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                Add($"{response.Status} {response.Request.ResourceType} {new Uri(response.Url).PathAndQuery}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                Add($"failed {request.ResourceType} {new Uri(request.Url).PathAndQuery}: {failure}");
            }
        };
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
