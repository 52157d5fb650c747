namespace LeerlingzorgPortal.Domain.Auditing;

/// <summary>One user's figures over a period, for the periodic review of access.</summary>
public sealed record AccessFigures(int PupilsOutsideCaseload, int RefusedAccesses, int ReadsOutsideSchoolHours, int Exports);

/// <summary>
/// The thresholds above which a figure is unusual and the user is flagged for review. A figure equal to the
/// threshold is not flagged; one above it is.
/// </summary>
public sealed record UnusualAccessThresholds(int PupilsOutsideCaseload = 10, int RefusedAccesses = 5,
    int ReadsOutsideSchoolHours = 20, int Exports = 10)
{
    public UnusualFigure Flags(AccessFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var flags = UnusualFigure.None;
        if (figures.PupilsOutsideCaseload > PupilsOutsideCaseload)
        {
            flags |= UnusualFigure.PupilsOutsideCaseload;
        }

        if (figures.RefusedAccesses > RefusedAccesses)
        {
            flags |= UnusualFigure.RefusedAccesses;
        }

        if (figures.ReadsOutsideSchoolHours > ReadsOutsideSchoolHours)
        {
            flags |= UnusualFigure.ReadsOutsideSchoolHours;
        }

        if (figures.Exports > Exports)
        {
            flags |= UnusualFigure.Exports;
        }

        return flags;
    }
}

[Flags]
public enum UnusualFigure
{
    None = 0,
    PupilsOutsideCaseload = 1,
    RefusedAccesses = 2,
    ReadsOutsideSchoolHours = 4,
    Exports = 8,
}
