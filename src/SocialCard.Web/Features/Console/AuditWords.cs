using SocialCard.Platform.Audit;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.Portal;
using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// The audit log in the reader's words: each stored verb ("card.state"), object kind ("card"), actor
/// ("staff:reviewer") and state change ("PhotoPassed->SentToCardCentre") as a clerk says it. The stored codes stay
/// as they are (they are the record); a code this page does not know yet is shown as stored.
/// </summary>
public static class AuditWords
{
    /// <summary>Every verb the audit log writes, in the order the filter lists them.</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        AuditActions.SignInSucceeded, AuditActions.SignInFailed, AuditActions.SignInThrottled,
        AuditActions.SignInRefused, AuditActions.PasswordChanged, AuditActions.PasswordReset,
        AuditActions.AccountCreated, AuditActions.AccountChanged, AuditActions.UnitCreated, AuditActions.UnitChanged,
        AuditActions.BatchReceived, AuditActions.BatchReviewed, AuditActions.PhotoReviewed, AuditActions.PhotoOverridden,
        AuditActions.BatchSent, AuditActions.CardCentreExported, AuditActions.CardStateChanged, CardPickupDesk.AuditAction, CounterDesk.SubmittedAction, CounterDesk.ReceiptAction,
        AuditActions.PersonSearched, AuditActions.PersonViewed, AuditActions.PersonImported, "unit.import",
        AuditActions.ApplicationSubmitted, AuditActions.ApplicationEdited, AuditActions.ApplicationHandedOver, ApplicationsDesk.ViewedAction, ApplicationsDesk.ExportedAction,
    ];

    public static string Action(UiText text, string action) => Known(text, "audit.action." + action, action);

    public static string Entity(UiText text, string entityType, string entityId) =>
        entityId is "*" or "-" or ""
            ? Known(text, "audit.entity." + entityType, entityType)
            : $"{Known(text, "audit.entity." + entityType, entityType)} {entityId}";

    /// <summary>"staff:reviewer" → "中心工作人员 reviewer"; "unit:3205…" → "参保单位 3205…".</summary>
    public static string Actor(UiText text, string actor)
    {
        string whole = text["audit.actor." + actor];
        if (whole != "audit.actor." + actor)
        {
            return whole;
        }

        int colon = actor.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? $"{Known(text, "audit.actor." + actor[..colon], actor[..colon])} {actor[(colon + 1)..]}" : Known(text, "audit.actor." + actor, actor);
    }

    /// <summary>Card state changes and verdict overrides as "前 → 后：原因"; other details as stored.</summary>
    public static string Detail(UiText text, string action, string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return "";
        }

        int arrow = detail.IndexOf("->", StringComparison.Ordinal);
        if (arrow <= 0 || action is not (AuditActions.CardStateChanged or AuditActions.PhotoOverridden))
        {
            return detail;
        }

        int colon = detail.IndexOf(": ", arrow, StringComparison.Ordinal);
        string from = detail[..arrow];
        string to = colon < 0 ? detail[(arrow + 2)..] : detail[(arrow + 2)..colon];
        string? reason = colon < 0 ? null : detail[(colon + 2)..];
        string change = $"{State(text, from)} → {State(text, to)}";
        return reason is null ? change : text.Format("audit.detail.reason", change, reason);
    }

    private static string State(UiText text, string code) =>
        Enum.TryParse(code, out CardState card) && Enum.IsDefined(card) ? CardStateText.Name(text, card)
        : Enum.TryParse(code, out PhotoVerdict verdict) && Enum.IsDefined(verdict) ? text[verdict switch
        {
            PhotoVerdict.Passed => "verdict.pass",
            PhotoVerdict.Failed => "verdict.fail",
            _ => "verdict.pending",
        }]
        : code;

    private static string Known(UiText text, string key, string fallback)
    {
        string said = text[key];
        return said == key ? fallback : said;
    }
}
