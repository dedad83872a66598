namespace SocialCard.Platform.Jobs;

/// <summary>The job type names stored in jobs.type.</summary>
public static class JobTypes
{
    public const string BatchPreReview = "batch.prereview";
    public const string ApplicationHandOver = "applications.handover";
    public const string PickupReminders = "cards.pickup-reminders";
    public const string CardCentreExport = "cardcentre.export";
    public const string SmsDispatch = "sms.dispatch";
    public const string RateCounterPurge = "limits.purge";
    public const string DraftExpiry = "applications.expire-drafts";
    public const string OrphanFileSweep = "files.orphan-sweep";
}
