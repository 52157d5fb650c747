namespace LeerlingzorgPortal.Data;

/// <summary>
/// The audit log is append-only in the database itself (ADR 0020): triggers refuse UPDATE, DELETE and (on
/// PostgreSQL) TRUNCATE of <c>AuditEntries</c>, whoever asks, the application's own connection included.
/// INSERT is untouched. Installed by the Initial migration of each provider (ADR 0043).
/// </summary>
public static class AuditAppendOnly
{
    public const string Message = "Het auditlog is alleen aan te vullen: regels wijzigen of verwijderen kan niet.";

    public const string PostgreSqlUp = $"""
        CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{Message}' USING ERRCODE = 'insufficient_privilege';
        END;
        $$;

        CREATE TRIGGER "AuditEntries_no_update_or_delete"
            BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

        CREATE TRIGGER "AuditEntries_no_truncate"
            BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public const string PostgreSqlDown = """
        DROP TRIGGER IF EXISTS "AuditEntries_no_truncate" ON "AuditEntries";
        DROP TRIGGER IF EXISTS "AuditEntries_no_update_or_delete" ON "AuditEntries";
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;

    /// <summary>SQLite has no TRUNCATE; its "DELETE FROM t" without WHERE still fires row triggers when a trigger exists.</summary>
    public const string SqliteUp = $"""
        CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
        BEGIN
            SELECT RAISE(ABORT, '{Message}');
        END;

        CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
        BEGIN
            SELECT RAISE(ABORT, '{Message}');
        END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS "AuditEntries_no_update";
        DROP TRIGGER IF EXISTS "AuditEntries_no_delete";
        """;

    /// <summary>
    /// SQL Server (ADR 0033): an INSTEAD OF trigger refuses every UPDATE and DELETE with an error, so nothing changes.
    /// TRUNCATE fires no trigger there; it needs ALTER on the table, which the application's database user does not get
    /// (README, "SQL Server and Azure SQL").
    /// </summary>
    /// <remarks>
    /// Inside EXEC because CREATE TRIGGER must open its batch, and the idempotent script puts every step of a migration
    /// inside an IF ... BEGIN ... END (docs/sql).
    /// </remarks>
    public const string SqlServerTrigger = "AuditEntries_no_update_or_delete";

    public const string SqlServerUp = $"""
        EXEC(N'CREATE TRIGGER [AuditEntries_no_update_or_delete] ON [AuditEntries]
        INSTEAD OF UPDATE, DELETE
        AS
        BEGIN
            SET NOCOUNT ON;
            THROW 50001, N''{Message}'', 1;
        END;');
        """;

    public const string SqlServerDown = "DROP TRIGGER IF EXISTS [AuditEntries_no_update_or_delete];";
}
