using LeerlingzorgPortal.Domain.Retention;

namespace LeerlingzorgPortal.Web.Features.Retention;

/// <summary>A pupil who left, with the kinds of data the pupil has.</summary>
public sealed record RetentionCandidate(int PupilId, int LocationId, DateOnly LeftOn, bool HasAbsence, bool HasSpecialEducation)
{
    /// <summary>Every pupil has a care dossier (at least the pupil record); the other kinds only when there is such data.</summary>
    public bool Has(RetentionKind kind) => kind switch
    {
        RetentionKind.Absence => HasAbsence,
        RetentionKind.SpecialEducation => HasSpecialEducation,
        _ => true,
    };
}

/// <summary>A review that already exists for a pupil and kind.</summary>
public sealed record ExistingReview(int Id, int PupilId, RetentionKind Kind, RetentionReviewStatus Status, DateOnly? PostponedUntil);

public sealed record DueItem(int PupilId, int LocationId, RetentionKind Kind, DateOnly DueOn);

/// <summary>What the daily run changes: new reviews, postponements that ran out, reviews no longer due.</summary>
public sealed record RetentionDuePlan(IReadOnlyList<DueItem> New, IReadOnlyList<int> Reopen, IReadOnlyList<int> Withdraw);

/// <summary>
/// The due-list computation, without a database: per pupil who left and per kind of data, is the
/// leaving date plus the period today or earlier? The daily job feeds it and stores the outcome.
/// </summary>
public sealed class RetentionDueList(TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public RetentionDuePlan Plan(IEnumerable<RetentionCandidate> candidates, IReadOnlyDictionary<RetentionKind, int> years,
        IEnumerable<ExistingReview> existing)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(existing);
        var today = Today;
        var reviews = existing.ToDictionary(r => (r.PupilId, r.Kind));
        var pupils = candidates.ToDictionary(c => c.PupilId);
        var added = new List<DueItem>();
        var reopen = new List<int>();
        foreach (var candidate in pupils.Values)
        {
            foreach (var kind in Enum.GetValues<RetentionKind>().Where(candidate.Has))
            {
                var dueOn = DueOn(candidate.LeftOn, years, kind);
                if (dueOn > today)
                {
                    continue;
                }

                if (!reviews.TryGetValue((candidate.PupilId, kind), out var review))
                {
                    added.Add(new DueItem(candidate.PupilId, candidate.LocationId, kind, dueOn));
                }
                else if (review.Status == RetentionReviewStatus.Postponed && review.PostponedUntil <= today)
                {
                    reopen.Add(review.Id);
                }
            }
        }

        // A pupil who came back, or whose leaving date moved, is no longer due; confirmed reviews stay.
        var withdraw = reviews.Values
            .Where(r => r.Status != RetentionReviewStatus.Confirmed)
            .Where(r => !pupils.TryGetValue(r.PupilId, out var pupil) || DueOn(pupil.LeftOn, years, r.Kind) > today)
            .Select(r => r.Id)
            .ToList();
        return new RetentionDuePlan(added, reopen, withdraw);
    }

    public static DateOnly DueOn(DateOnly leftOn, IReadOnlyDictionary<RetentionKind, int> years, RetentionKind kind)
    {
        ArgumentNullException.ThrowIfNull(years);
        return leftOn.AddYears(years.TryGetValue(kind, out var y) ? y : RetentionPeriod.DefaultYears(kind));
    }
}
