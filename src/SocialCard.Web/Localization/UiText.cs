using System.Globalization;

namespace SocialCard.Web.Localization;

/// <summary>
/// The view-facing lookup: <c>@T["key"]</c> or <c>@T.Format("key", arg)</c> in the current request's language.
/// A missing key renders as the key itself (visible in review, never an exception).
/// </summary>
public sealed class UiText(UiTextTable table)
{
    public bool IsEnglish => UiCultures.IsEnglish(CultureInfo.CurrentUICulture);

    public string Culture => IsEnglish ? UiCultures.English : UiCultures.Chinese;

    public string this[string key] => table.TryGet(key, out UiTextEntry entry) ? (IsEnglish ? entry.En : entry.Zh) : key;

    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>Picks the right half of a bilingual pair that came from elsewhere (rule messages, domain errors).</summary>
    public string Pick(string zh, string en) => IsEnglish ? en : zh;

    /// <summary>Both languages of a key, for API problem details.</summary>
    public UiTextEntry Both(string key) => table.TryGet(key, out UiTextEntry entry) ? entry : new UiTextEntry(key, key);
}
