using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The wizard cookie: the draft's random token and, while the draft has no application row (before the identity step
/// has found a person, or for an ID number without a record), the draft itself, protected with the site's Data
/// Protection keys (shared by every node). A visit that finds no person therefore stores nothing on the server.
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

            if (cookie.Draft is { } carried && string.Equals(carried.Id, cookie.Token, StringComparison.Ordinal))
            {
                return carried;
            }

            return new WizardDraft(cookie.Token, now);
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
        string value = Protector(context).Protect(draft.Id + "|" + (draft.IsStored ? string.Empty : draft.ToJson()));
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

    private static (string Token, WizardDraft? Draft)? Read(HttpContext context)
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

        string json = plain[(bar + 1)..];
        WizardDraft? draft = null;
        if (json.Length > 0)
        {
            try
            {
                draft = WizardDraft.FromJson(json);
            }
            catch (System.Text.Json.JsonException)
            {
                draft = null; // written by another version of the site: start afresh
            }
        }

        return (plain[..bar], draft);
    }

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
