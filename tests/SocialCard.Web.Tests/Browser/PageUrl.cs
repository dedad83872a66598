using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// Waits until a page's address matches a glob ("**/apply/agreement", "**/portal/batches/**"). Playwright's own
/// <c>WaitForURLAsync</c> checks the address, then subscribes to the load event: when the load lands between the two it
/// is lost and the wait runs into its timeout on a page that is long there. The web-first assertion polls the address
/// instead, so nothing can be missed, and the load is then awaited in short turns.
/// </summary>
public static class PageUrl
{
    public static async Task WaitForAsync(IPage page, string glob)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(ToRegex(glob), new() { Timeout = (float)BrowserHost.PageBound.TotalMilliseconds });

        // Then the page's load, as WaitForURLAsync would: a load state already reached is recorded and found at once,
        // so short waits in turn cannot lose it the way one long wait can.
        DateTime until = DateTime.UtcNow + BrowserHost.PageBound;
        while (true)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 5000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < until)
            {
            }
        }
    }

    /// <summary>The glob as an anchored expression: <c>**</c> any characters, <c>*</c> any but '/', the rest literal.</summary>
    public static Regex ToRegex(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        string pattern = Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex("^" + pattern + "$");
    }
}
