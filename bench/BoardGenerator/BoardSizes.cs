namespace BoardGenerator;

/// <summary>
/// How big the generated board is. The counts of the performance issue (20,000 pupils, 300 staff, 8,000
/// referrals, 60,000 notes, 30,000 action items, 20,000 incidents with 45,000 involved pupils, 1,000
/// meetings, 2,000 care plans) scaled by the number of pupils; the care team per location does not scale.
/// </summary>
internal sealed record BoardSizes(int Pupils, int MentorGroups, int Staff, int Referrals, int Notes, int ActionItems,
    int Incidents, int Meetings, int CarePlans)
{
    public const int Locations = 5;

    /// <summary>The one password of every generated account (a benchmark database only).</summary>
    public const string Password = "Benchwachtwoord2026!";

    public static BoardSizes For(int pupils)
    {
        if (pupils < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(pupils), "At least 100 pupils.");
        }

        int Scaled(int atFullSize) => Math.Max(1, (int)Math.Round(atFullSize * (pupils / 20_000.0)));
        return new BoardSizes(pupils, Math.Max(Locations * 6, pupils / 25), Math.Max(80, Scaled(300)), Scaled(8_000),
            Scaled(60_000), Scaled(30_000), Scaled(20_000), Math.Max(Locations * 4, Scaled(1_000)), Scaled(2_000));
    }
}

internal sealed class GeneratedCounts
{
    public int Pupils { get; set; }

    public int Guardians { get; set; }

    public int Staff { get; set; }

    public int MentorGroups { get; set; }

    public int Referrals { get; set; }

    public int Notes { get; set; }

    public int ActionItems { get; set; }

    public int Incidents { get; set; }

    public int IncidentPupils { get; set; }

    public int Meetings { get; set; }

    public int AgendaItems { get; set; }

    public int CarePlans { get; set; }

    public int AuditEntries { get; set; }

    public override string ToString() =>
        $"{Pupils:N0} pupils, {Guardians:N0} guardians, {Staff:N0} staff, {MentorGroups:N0} mentor groups, {Referrals:N0} referrals, " +
        $"{Notes:N0} notes, {ActionItems:N0} action items, {Incidents:N0} incidents ({IncidentPupils:N0} involved pupils), " +
        $"{Meetings:N0} meetings ({AgendaItems:N0} agenda items), {CarePlans:N0} care plans, {AuditEntries:N0} audit entries";
}
