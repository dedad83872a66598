namespace SocialCard.Platform.Audit;

/// <summary>The audit verbs.</summary>
public static class AuditActions
{
    public const string CardStateChanged = "card.state";
    public const string PersonViewed = "person.view";
    public const string PersonSearched = "person.search";
    public const string PersonImported = "person.import";
    public const string ApplicationSubmitted = "application.submit";
    public const string ApplicationEdited = "application.edit";
    public const string ApplicationHandedOver = "application.handover";
    public const string ApplicationWithdrawn = "application.withdraw";
    public const string BatchReceived = "batch.receive";
    public const string BatchReviewed = "batch.review";
    public const string BatchSent = "batch.sent";
    public const string PhotoReviewed = "photo.review";

    /// <summary>人工复核: centre staff overrode a photo's verdict (detail: before->after and the reason).</summary>
    public const string PhotoOverridden = "photo.override";
    public const string CardCentreExported = "cardcentre.export";
    public const string SignInFailed = "account.signin.failed";
    public const string SignInSucceeded = "account.signin";
    public const string SignInThrottled = "account.signin.throttled";
    public const string PasswordChanged = "account.password.change";
    public const string PasswordReset = "account.password.reset";
    public const string SignInRefused = "account.signin.refused";
    public const string AccountCreated = "account.create";
    public const string AccountChanged = "account.change";
    public const string UnitCreated = "unit.create";
    public const string UnitChanged = "unit.change";
}
