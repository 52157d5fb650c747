namespace LeerlingzorgPortal.Data;

/// <summary>
/// Who may run a background job now, and when it last ran. One row per job; every instance of the
/// portal competes for it with one conditional UPDATE (see <c>JobLeases</c> in the portal's Infrastructure/Jobs),
/// so a daily job runs once a day in all, not once per instance, and a crashed holder's lease runs out.
/// </summary>
public sealed class JobLease
{
    public const int NameMaxLength = 100;
    public const int HolderMaxLength = 200;

    public JobLease(string name, string holder, DateTimeOffset leaseUntil)
    {
        Name = name;
        Holder = holder;
        LeaseUntil = leaseUntil;
    }

    /// <summary>The job, e.g. "retention-scan".</summary>
    public string Name { get; private set; }

    /// <summary>The instance that holds (or last held) the lease: machine, process and a random part.</summary>
    public string Holder { get; private set; }

    /// <summary>Until when the holder may run the job; afterwards any instance may take over.</summary>
    public DateTimeOffset LeaseUntil { get; private set; }

    /// <summary>The day (UTC) of the last completed run; null before the first.</summary>
    public DateOnly? LastRunOn { get; private set; }

    /// <summary>How many runs have completed since the row was made (operators and tests read it).</summary>
    public int Runs { get; private set; }
}
