using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The wizard cookie: the draft's random token and, before the identity step has created the draft's row, the steps
/// done so far (the notice and the agreement), protected with the site's Data Protection keys (shared by every node).
/// An anonymous visit therefore stores nothing on the server.
/// </summary>
public static class WizardCookie
{
    public const string Name = ".SocialCard.Apply";
    private const string Purpose = "SocialCard.Wizard.Cookie";

    /// <summary>The browser's draft: the stored one, or a new one (not stored) with the cookie's early steps.</summary>
    public static async Task<WizardDraft> LoadAsync(HttpContext context, IWizardDraftStore drafts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(drafts);
        if (Read(context) is { } cookie)
        {
            if (await drafts.FindAsync(cookie.Token, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return stored;
            }

            var early = new WizardDraft(cookie.Token, now);
            early.Done.UnionWith(cookie.EarlySteps);
            return early;
        }

        return new WizardDraft(Convert.ToHexString(RandomNumberGenerator.GetBytes(18)), now);
    }

    /// <summary>The stored draft the cookie names, if any (the files, the PDF, the done page).</summary>
    public static async Task<WizardDraft?> FindAsync(HttpContext context, IWizardDraftStore drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        return Read(context) is { } cookie ? await drafts.FindAsync(cookie.Token, cancellationToken).ConfigureAwait(false) : null;
    }

    public static void Write(HttpContext context, WizardDraft draft)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(draft);
        string early = string.Join(',', draft.Done.Where(s => s < WizardStep.Identity).Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string value = Protector(context).Protect(draft.Id + "|" + early);
        context.Response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/apply",
        });
    }

    public static void Delete(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/apply" });
    }

    private static (string Token, IReadOnlyList<WizardStep> EarlySteps)? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out string? value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        string plain;
        try
        {
            plain = Protector(context).Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null; // tampered with, or from before a key was lost: start afresh
        }

        int bar = plain.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0)
        {
            return null;
        }

        var steps = new List<WizardStep>();
        foreach (string part in plain[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out int step) && step < (int)WizardStep.Identity && step >= 0)
            {
                steps.Add((WizardStep)step);
            }
        }

        return (plain[..bar], steps);
    }

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
