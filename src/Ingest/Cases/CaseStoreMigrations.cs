namespace Telematics.Ingest.Cases;

/// <summary>
/// The case store's schema, one script per version, applied in order and recorded in SQLite's
/// user_version. Never edit a released script: add the next one.
/// </summary>
internal static class CaseStoreMigrations
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        // 1: cases, their append-only history, and the rules' saved state.
        """
        CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            device_id TEXT NOT NULL,
            plate TEXT,
            operator TEXT,
            driver_id TEXT,
            corridor TEXT,
            start_utc TEXT NOT NULL,
            end_utc TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX cases_kind_start ON cases (kind, start_utc);
        CREATE INDEX cases_device_start ON cases (device_id, start_utc);
        CREATE INDEX cases_status ON cases (status);
        CREATE TABLE case_history (
            case_id TEXT NOT NULL REFERENCES cases (id),
            seq INTEGER NOT NULL,
            at_utc TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            note TEXT,
            PRIMARY KEY (case_id, seq)
        );
        CREATE TABLE rule_state (
            key TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            updated_utc TEXT NOT NULL
        );
        """,

        // 2: the assigned officer, and indexes for the officers' filters.
        """
        ALTER TABLE cases ADD COLUMN assignee TEXT;
        CREATE INDEX cases_start ON cases (start_utc);
        CREATE INDEX cases_operator_start ON cases (operator, start_utc);
        CREATE INDEX cases_corridor_start ON cases (corridor, start_utc);
        """,
    ];
}
