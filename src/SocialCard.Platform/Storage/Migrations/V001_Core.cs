namespace SocialCard.Platform.Storage.Migrations;

/// <summary>Units, people, applications, photos, batches, cards, audit, accounts.</summary>
internal static class V001_Core
{
    public static SchemaMigration Migration { get; } = new(1, "core domain tables", Sqlite, PostgreSql);

    private const string Sqlite = """
        CREATE TABLE units (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            parent_id INTEGER NULL REFERENCES units(id),
            level INTEGER NOT NULL,
            bank_code TEXT NULL,
            bank_branch TEXT NULL);
        CREATE UNIQUE INDEX ux_units_code ON units(code);
        CREATE INDEX ix_units_parent ON units(parent_id);

        CREATE TABLE people (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            id_type TEXT NOT NULL,
            id_number BLOB NOT NULL,
            id_number_hash BLOB NULL,
            country_code TEXT NOT NULL,
            social_security_number TEXT NULL,
            personal_number TEXT NOT NULL,
            name TEXT NOT NULL,
            gender TEXT NOT NULL,
            birth_date TEXT NOT NULL,
            nationality TEXT NOT NULL,
            phone BLOB NULL,
            phone_hash BLOB NULL,
            unit_id INTEGER NULL REFERENCES units(id));
        CREATE UNIQUE INDEX ux_people_personal_number ON people(personal_number);
        CREATE UNIQUE INDEX ux_people_id_hash ON people(id_number_hash, id_type, country_code);
        CREATE INDEX ix_people_phone_hash ON people(phone_hash);
        CREATE INDEX ix_people_unit ON people(unit_id);

        CREATE TABLE applications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id),
            state TEXT NOT NULL,
            id_issuing_authority TEXT NULL,
            id_valid_from TEXT NULL,
            id_valid_until TEXT NULL,
            id_valid_long_term INTEGER NOT NULL,
            household_address TEXT NULL,
            residential_address TEXT NULL,
            postal_code TEXT NULL,
            occupation_code TEXT NULL,
            education_code TEXT NULL,
            bank_code TEXT NULL,
            bank_branch TEXT NULL,
            photo_id INTEGER NULL,
            id_front_image BLOB NULL,
            id_back_image BLOB NULL,
            created_at INTEGER NOT NULL,
            submitted_at INTEGER NULL,
            editable_until INTEGER NULL,
            handed_over_at INTEGER NULL);
        CREATE INDEX ix_applications_person ON applications(person_id);
        CREATE INDEX ix_applications_state_until ON applications(state, editable_until);

        CREATE TABLE batches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            unit_id INTEGER NOT NULL REFERENCES units(id),
            operator TEXT NOT NULL,
            file_name TEXT NOT NULL,
            entry_count INTEGER NOT NULL,
            passed_count INTEGER NOT NULL,
            failed_count INTEGER NOT NULL,
            state TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            reviewed_at INTEGER NULL);
        CREATE INDEX ix_batches_unit ON batches(unit_id);

        CREATE TABLE batch_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
            entry_name TEXT NOT NULL,
            personal_number TEXT NOT NULL,
            bytes BLOB NOT NULL);
        CREATE UNIQUE INDEX ux_batch_entries ON batch_entries(batch_id, entry_name);

        CREATE TABLE photos (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            person_id INTEGER NULL,
            batch_id INTEGER NULL,
            entry_name TEXT NULL,
            file_name TEXT NOT NULL,
            original BLOB NOT NULL,
            fixed BLOB NULL,
            report_json TEXT NULL,
            verdict TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            reviewed_at INTEGER NULL);
        CREATE UNIQUE INDEX ux_photos_batch_entry ON photos(batch_id, entry_name);
        CREATE INDEX ix_photos_person ON photos(person_id);

        CREATE TABLE card_records (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id),
            personal_number TEXT NOT NULL,
            state TEXT NOT NULL,
            photo_id INTEGER NULL,
            reason TEXT NULL,
            produced_on TEXT NULL,
            ready_for_pickup_on TEXT NULL,
            picked_up_at INTEGER NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX ix_card_records_pn ON card_records(personal_number);
        CREATE INDEX ix_card_records_state ON card_records(state);
        CREATE INDEX ix_card_records_person ON card_records(person_id);

        CREATE TABLE audit_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            detail TEXT NULL);
        CREATE INDEX ix_audit_entity ON audit_events(entity_type, entity_id);
        CREATE INDEX ix_audit_at ON audit_events(at);

        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            login_name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL,
            locked_until INTEGER NULL,
            last_sign_in_at INTEGER NULL,
            display_name TEXT NULL,
            role TEXT NULL,
            unit_id INTEGER NULL REFERENCES units(id));
        CREATE UNIQUE INDEX ux_accounts_login ON accounts(kind, login_name);
        """;

    private const string PostgreSql = """
        CREATE TABLE units (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            code text NOT NULL,
            name text NOT NULL,
            parent_id bigint NULL REFERENCES units(id),
            level integer NOT NULL,
            bank_code text NULL,
            bank_branch text NULL);
        CREATE UNIQUE INDEX ux_units_code ON units(code);
        CREATE INDEX ix_units_parent ON units(parent_id);

        CREATE TABLE people (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            id_type text NOT NULL,
            id_number bytea NOT NULL,
            id_number_hash bytea NULL,
            country_code text NOT NULL,
            social_security_number text NULL,
            personal_number text NOT NULL,
            name text NOT NULL,
            gender text NOT NULL,
            birth_date date NOT NULL,
            nationality text NOT NULL,
            phone bytea NULL,
            phone_hash bytea NULL,
            unit_id bigint NULL REFERENCES units(id));
        CREATE UNIQUE INDEX ux_people_personal_number ON people(personal_number);
        CREATE UNIQUE INDEX ux_people_id_hash ON people(id_number_hash, id_type, country_code);
        CREATE INDEX ix_people_phone_hash ON people(phone_hash);
        CREATE INDEX ix_people_unit ON people(unit_id);

        CREATE TABLE applications (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            person_id bigint NOT NULL REFERENCES people(id),
            state text NOT NULL,
            id_issuing_authority text NULL,
            id_valid_from date NULL,
            id_valid_until date NULL,
            id_valid_long_term boolean NOT NULL,
            household_address text NULL,
            residential_address text NULL,
            postal_code text NULL,
            occupation_code text NULL,
            education_code text NULL,
            bank_code text NULL,
            bank_branch text NULL,
            photo_id bigint NULL,
            id_front_image bytea NULL,
            id_back_image bytea NULL,
            created_at bigint NOT NULL,
            submitted_at bigint NULL,
            editable_until bigint NULL,
            handed_over_at bigint NULL);
        CREATE INDEX ix_applications_person ON applications(person_id);
        CREATE INDEX ix_applications_state_until ON applications(state, editable_until);

        CREATE TABLE batches (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            unit_id bigint NOT NULL REFERENCES units(id),
            operator text NOT NULL,
            file_name text NOT NULL,
            entry_count integer NOT NULL,
            passed_count integer NOT NULL,
            failed_count integer NOT NULL,
            state text NOT NULL,
            received_at bigint NOT NULL,
            reviewed_at bigint NULL);
        CREATE INDEX ix_batches_unit ON batches(unit_id);

        CREATE TABLE batch_entries (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            batch_id bigint NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
            entry_name text NOT NULL,
            personal_number text NOT NULL,
            bytes bytea NOT NULL);
        CREATE UNIQUE INDEX ux_batch_entries ON batch_entries(batch_id, entry_name);

        CREATE TABLE photos (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            channel text NOT NULL,
            person_id bigint NULL,
            batch_id bigint NULL,
            entry_name text NULL,
            file_name text NOT NULL,
            original bytea NOT NULL,
            fixed bytea NULL,
            report_json text NULL,
            verdict text NOT NULL,
            received_at bigint NOT NULL,
            reviewed_at bigint NULL);
        CREATE UNIQUE INDEX ux_photos_batch_entry ON photos(batch_id, entry_name);
        CREATE INDEX ix_photos_person ON photos(person_id);

        CREATE TABLE card_records (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            person_id bigint NOT NULL REFERENCES people(id),
            personal_number text NOT NULL,
            state text NOT NULL,
            photo_id bigint NULL,
            reason text NULL,
            produced_on date NULL,
            ready_for_pickup_on date NULL,
            picked_up_at bigint NULL,
            created_at bigint NOT NULL,
            updated_at bigint NOT NULL,
            version integer NOT NULL DEFAULT 0);
        CREATE INDEX ix_card_records_pn ON card_records(personal_number);
        CREATE INDEX ix_card_records_state ON card_records(state);
        CREATE INDEX ix_card_records_person ON card_records(person_id);

        CREATE TABLE audit_events (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            at bigint NOT NULL,
            actor text NOT NULL,
            action text NOT NULL,
            entity_type text NOT NULL,
            entity_id text NOT NULL,
            detail text NULL);
        CREATE INDEX ix_audit_entity ON audit_events(entity_type, entity_id);
        CREATE INDEX ix_audit_at ON audit_events(at);

        CREATE TABLE accounts (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            kind text NOT NULL,
            login_name text NOT NULL,
            password_hash text NOT NULL,
            failed_attempts integer NOT NULL,
            locked_until bigint NULL,
            last_sign_in_at bigint NULL,
            display_name text NULL,
            role text NULL,
            unit_id bigint NULL REFERENCES units(id));
        CREATE UNIQUE INDEX ux_accounts_login ON accounts(kind, login_name);
        """;
}
