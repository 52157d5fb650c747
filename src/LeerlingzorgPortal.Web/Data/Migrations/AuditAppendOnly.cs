namespace LeerlingzorgPortal.Web.Data.Migrations;

/// <summary>
/// The audit log is append-only in the database itself (ADR 0020): triggers refuse UPDATE, DELETE and (on
/// PostgreSQL) TRUNCATE of <c>AuditEntries</c>, whoever asks, the application's own connection included.
/// INSERT is untouched. Installed by the AuditLog migration of each provider.
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
}
