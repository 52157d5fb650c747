namespace LeerlingzorgPortal.Web.Data.Migrations;

/// <summary>
/// Fills <c>MinutesToTriage</c> and <c>MinutesToFirstAction</c> for cases that existed before the
/// columns did. One statement per provider, used by the migration and checked by a test against what
/// the domain computes.
/// </summary>
public static class ReferralDurationBackfill
{
    /// <summary>
    /// SQLite holds moments as ((ticks / 1000) &lt;&lt; 11) | offset (DateTimeOffsetToBinaryConverter, ADR 0002)
    /// and the portal writes UTC, so the difference of the shifted values is in units of 100 µs: 600 000 to the minute.
    /// </summary>
    public const string Sqlite = """
        UPDATE "Referrals" SET "MinutesToTriage" = ((("TriagedAt" >> 11) - ("SubmittedAt" >> 11)) / 600000)
        WHERE "TriagedAt" IS NOT NULL AND "SubmittedAt" IS NOT NULL;
        UPDATE "Referrals" SET "MinutesToFirstAction" = ((("FirstActionAt" >> 11) - ("SubmittedAt" >> 11)) / 600000)
        WHERE "FirstActionAt" IS NOT NULL AND "SubmittedAt" IS NOT NULL;
        """;

    public const string PostgreSql = """
        UPDATE "Referrals" SET "MinutesToTriage" = GREATEST(0, FLOOR(EXTRACT(EPOCH FROM ("TriagedAt" - "SubmittedAt")) / 60))::integer
        WHERE "TriagedAt" IS NOT NULL AND "SubmittedAt" IS NOT NULL;
        UPDATE "Referrals" SET "MinutesToFirstAction" = GREATEST(0, FLOOR(EXTRACT(EPOCH FROM ("FirstActionAt" - "SubmittedAt")) / 60))::integer
        WHERE "FirstActionAt" IS NOT NULL AND "SubmittedAt" IS NOT NULL;
        """;
}
