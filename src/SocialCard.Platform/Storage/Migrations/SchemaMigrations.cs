namespace SocialCard.Platform.Storage.Migrations;

/// <summary>The ordered list of schema steps. Append only: never edit a step that has shipped.</summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        V001_Core.Migration,
        V002_JobsAndOutbox.Migration,
        V003_SmsVerifications.Migration,
        V004_RateCounters.Migration,
        V005_DataProtectionKeys.Migration,
        V006_ApplicationDrafts.Migration,
        V007_SignInSessions.Migration,
        V008_PersonalDataEncrypted.Migration,
        V009_ApplicationsInCardPipeline.Migration,
        V010_ChangeSessions.Migration,
        V011_PasswordMustChange.Migration,
        V012_PhotoContentHash.Migration,
        V013_CounterSubmissions.Migration,
        V014_PhotoFaceDescriptor.Migration,
        V015_ImageFileKeys.Migration,
        V016_ImageColumnsDropped.Migration,
        V017_UnitAndAccountManagement.Migration,
    ];
}
