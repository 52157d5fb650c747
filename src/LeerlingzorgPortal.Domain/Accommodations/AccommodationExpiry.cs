namespace LeerlingzorgPortal.Domain.Accommodations;

public enum ExpirySignalKind
{
    /// <summary>The accommodation ends within the notice period.</summary>
    AccommodationEndsSoon,

    /// <summary>The statement it rests on runs out within the notice period (or already has) while it still applies.</summary>
    StatementExpires,
}

public sealed record ExpirySignal(ExpirySignalKind Kind, DateOnly On);

/// <summary>
/// When the responsible care worker is told an accommodation or its statement runs out: six weeks
/// ahead, enough to get a new statement or to decide on renewal before the next test week.
/// </summary>
public static class AccommodationExpiry
{
    public const int NoticeDays = 42;

    public static IReadOnlyList<ExpirySignal> SignalsFor(Accommodation accommodation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(accommodation);
        var signals = new List<ExpirySignal>();
        var lastDay = accommodation.LastDay;
        if (lastDay < today || accommodation.EndedOn is not null)
        {
            return signals;
        }

        var horizon = today.AddDays(NoticeDays);
        if (lastDay <= horizon)
        {
            signals.Add(new ExpirySignal(ExpirySignalKind.AccommodationEndsSoon, lastDay));
        }

        if (accommodation.StatementValidUntil is { } statement && statement <= horizon && statement < lastDay)
        {
            signals.Add(new ExpirySignal(ExpirySignalKind.StatementExpires, statement));
        }

        return signals;
    }
}
