namespace SocialCard.Web.Features.Wizard;

/// <summary>What the one work-unit choice markup (<c>_WorkUnitChoices</c>) shows: the picker's found units, sub-unit
/// lists and bank; the bank line's element id; whether an empty search result says "search first".</summary>
public sealed record WorkUnitChoicesView(WorkUnitPicker Picker, string BankElementId, bool ShowEmptyNote);
