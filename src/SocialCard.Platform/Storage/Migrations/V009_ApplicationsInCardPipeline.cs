namespace SocialCard.Platform.Storage.Migrations;

/// <summary>Applications in the card pipeline: an application carries its insured unit (参保单位) and work unit
/// (现今工作单位, which decided its bank) as columns, moved here from the submission's audit-event text
/// ("insured-unit=&lt;id&gt;;work-unit=&lt;id&gt;"); a card opened or moved by an application names it, so the export waits
/// for the application's hand-over.</summary>
internal static class V009_ApplicationsInCardPipeline
{
    public static SchemaMigration Migration { get; } = new(9, "applications in the card pipeline", Sqlite, PostgreSql);

    private const string Sqlite = """
        ALTER TABLE applications ADD COLUMN insured_unit_id INTEGER NULL REFERENCES units(id);
        ALTER TABLE applications ADD COLUMN work_unit_id INTEGER NULL REFERENCES units(id);
        ALTER TABLE card_records ADD COLUMN application_id INTEGER NULL REFERENCES applications(id);
        CREATE INDEX ix_card_records_application ON card_records(application_id);

        UPDATE applications SET
            insured_unit_id = (SELECT CAST(NULLIF(substr(e.detail, 14, instr(e.detail, ';') - 14), '') AS INTEGER)
                FROM audit_events e
                WHERE e.action = 'application.submit' AND e.entity_type = 'application' AND e.entity_id = CAST(applications.id AS TEXT)
                    AND e.detail LIKE 'insured-unit=%;work-unit=%'
                ORDER BY e.id DESC LIMIT 1),
            work_unit_id = (SELECT CAST(NULLIF(substr(e.detail, instr(e.detail, ';work-unit=') + 11), '') AS INTEGER)
                FROM audit_events e
                WHERE e.action = 'application.submit' AND e.entity_type = 'application' AND e.entity_id = CAST(applications.id AS TEXT)
                    AND e.detail LIKE 'insured-unit=%;work-unit=%'
                ORDER BY e.id DESC LIMIT 1)
            WHERE state <> 'Draft';
        UPDATE applications SET insured_unit_id = NULL WHERE insured_unit_id NOT IN (SELECT id FROM units);
        UPDATE applications SET work_unit_id = NULL WHERE work_unit_id NOT IN (SELECT id FROM units);
        UPDATE audit_events SET detail = NULL
            WHERE action = 'application.submit' AND entity_type = 'application' AND detail LIKE 'insured-unit=%;work-unit=%';
        """;

    private const string PostgreSql = """
        ALTER TABLE applications ADD COLUMN insured_unit_id bigint NULL REFERENCES units(id);
        ALTER TABLE applications ADD COLUMN work_unit_id bigint NULL REFERENCES units(id);
        ALTER TABLE card_records ADD COLUMN application_id bigint NULL REFERENCES applications(id);
        CREATE INDEX ix_card_records_application ON card_records(application_id);

        UPDATE applications a SET
            insured_unit_id = u.insured,
            work_unit_id = u.work
        FROM (
            SELECT DISTINCT ON (e.entity_id) e.entity_id,
                NULLIF(split_part(split_part(e.detail, ';', 1), '=', 2), '')::bigint AS insured,
                NULLIF(split_part(split_part(e.detail, ';', 2), '=', 2), '')::bigint AS work
            FROM audit_events e
            WHERE e.action = 'application.submit' AND e.entity_type = 'application'
                AND e.detail ~ '^insured-unit=[0-9]*;work-unit=[0-9]+$'
            ORDER BY e.entity_id, e.id DESC) u
        WHERE u.entity_id = a.id::text AND a.state <> 'Draft';
        UPDATE applications SET insured_unit_id = NULL WHERE insured_unit_id NOT IN (SELECT id FROM units);
        UPDATE applications SET work_unit_id = NULL WHERE work_unit_id NOT IN (SELECT id FROM units);
        UPDATE audit_events SET detail = NULL
            WHERE action = 'application.submit' AND entity_type = 'application' AND detail ~ '^insured-unit=[0-9]*;work-unit=[0-9]+$';
        """;
}
