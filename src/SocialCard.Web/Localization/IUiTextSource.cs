namespace SocialCard.Web.Localization;

/// <summary>
/// A feature's own string table. Each feature registers one with <c>services.AddUiTexts&lt;T&gt;()</c>; keys are
/// namespaced by feature ("portal.upload.title") and must be unique across sources (checked at start-up).
/// </summary>
public interface IUiTextSource
{
    IEnumerable<KeyValuePair<string, UiTextEntry>> Entries { get; }
}
