namespace LeerlingzorgPortal.Domain.Retention;

/// <summary>How many whole years after the pupil left one kind of data is kept; the admin sets it.</summary>
public sealed class RetentionPeriod
{
    public const int MinYears = 1;
    public const int MaxYears = 20;

    private RetentionPeriod()
    {
    }

    public RetentionPeriod(RetentionKind kind, int years)
    {
        Kind = kind;
        Years = Checked(years);
    }

    public RetentionKind Kind { get; private set; }

    public int Years { get; private set; }

    public string? UpdatedById { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>The defaults: care dossier 2 years, absence 5 years, referral to special education 3 years.</summary>
    public static int DefaultYears(RetentionKind kind) => kind switch
    {
        RetentionKind.CareDossier => 2,
        RetentionKind.Absence => 5,
        RetentionKind.SpecialEducation => 3,
        _ => 2,
    };

    public void Change(int years, string byId, DateTimeOffset now)
    {
        Years = Checked(years);
        UpdatedById = byId;
        UpdatedAt = now;
    }

    /// <summary>The first day on which data of a pupil who left on <paramref name="leftOn"/> is due.</summary>
    public DateOnly DueOn(DateOnly leftOn) => leftOn.AddYears(Years);

    private static int Checked(int years) => years is < MinYears or > MaxYears
        ? throw new DomainRuleException($"Een bewaartermijn is een heel aantal jaren van {MinYears} tot en met {MaxYears}.")
        : years;
}
