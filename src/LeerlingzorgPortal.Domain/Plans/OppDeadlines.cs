using System.Linq.Expressions;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Plans;

/// <summary>
/// The legal deadlines of an OPP (docs/adr/0007):
/// <list type="bullet">
/// <item>it is set (first active) within 6 weeks after the need for extra support was established;</item>
/// <item>it is evaluated in every school year it is active, by 31 July. When the OPP was set after
/// 1 April, the rest of that school year counts together with the next, so the first evaluation is
/// never due within four months. After an evaluation the next is due by the end of the next school year.</item>
/// </list>
/// </summary>
public static class OppDeadlines
{
    public static readonly TimeSpan SetWithin = TimeSpan.FromDays(42);

    public static DateOnly? SetBy(CarePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Kind == PlanKind.Opp && plan.NeedEstablishedOn is { } need ? need.AddDays(SetWithin.Days) : null;
    }

    /// <summary>Not yet set, and the 6 weeks have passed.</summary>
    public static bool IsLateToBeSet(CarePlan plan, DateOnly today) =>
        SetBy(plan) is { } by && plan.FirstActivatedOn is null && today > by;

    /// <summary>The last day the next yearly evaluation may take place; null when none is due.</summary>
    public static DateOnly? EvaluateBy(CarePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Kind != PlanKind.Opp || plan.Status == PlanStatus.Closed
            ? null
            : EvaluateBy(plan.FirstActivatedOn, plan.LastEvaluatedOn);
    }

    /// <summary>The evaluation deadline of an OPP that is not closed, from its two dates (for a list that projects them).</summary>
    public static DateOnly? EvaluateBy(DateOnly? firstActivatedOn, DateOnly? lastEvaluatedOn)
    {
        if (firstActivatedOn is not { } activated)
        {
            return null;
        }

        if (lastEvaluatedOn is { } last && last >= activated)
        {
            return new SchoolYear(SchoolYear.Containing(last).StartYear + 1).LastDay;
        }

        var year = SchoolYear.Containing(activated).StartYear;
        if (activated.Month is >= 4 and <= 7)
        {
            year++;
        }

        return new SchoolYear(year).LastDay;
    }

    public static bool IsLateForEvaluation(CarePlan plan, DateOnly today) =>
        EvaluateBy(plan) is { } by && today > by;

    /// <summary>
    /// OPPs not closed whose deadline to be set, or whose next evaluation deadline, falls on or before
    /// <paramref name="horizon"/> (already late included), as a filter the database runs. The same
    /// rules as <see cref="SetBy"/> and <see cref="EvaluateBy(CarePlan)"/>, turned around: every evaluation
    /// deadline is a 31 July, so "due by the horizon" becomes a plain date comparison.
    /// </summary>
    public static Expression<Func<CarePlan, bool>> DueOnOrBefore(DateOnly horizon)
    {
        var needBefore = horizon.AddDays(-SetWithin.Days);

        // The last 31 July on or before the horizon: deadlines up to then are due.
        var lastDueYear = horizon >= new DateOnly(horizon.Year, SchoolYear.FirstMonth - 1, 31) ? horizon.Year : horizon.Year - 1;

        // Evaluated: due by 31 July of the year after the evaluation's school year, so due when evaluated by 31 July a year earlier.
        var evaluatedBy = new DateOnly(lastDueYear - 1, SchoolYear.FirstMonth - 1, 31);

        // Never evaluated: due by the end of the activation's school year (the next when set from April), so due when set before 1 April.
        var activatedBefore = new DateOnly(lastDueYear, 4, 1);
        return p => p.Kind == PlanKind.Opp && p.Status != PlanStatus.Closed
                    && ((p.FirstActivatedOn == null && p.NeedEstablishedOn != null && p.NeedEstablishedOn <= needBefore)
                        || (p.FirstActivatedOn != null && p.LastEvaluatedOn != null && p.LastEvaluatedOn >= p.FirstActivatedOn
                            && p.LastEvaluatedOn <= evaluatedBy)
                        || (p.FirstActivatedOn != null && (p.LastEvaluatedOn == null || p.LastEvaluatedOn < p.FirstActivatedOn)
                            && p.FirstActivatedOn < activatedBefore));
    }

    /// <summary>
    /// The same two rules as dates to compare with, so a database can count late OPPs without loading
    /// them: an OPP not yet set is late when its need was established before
    /// <see cref="OppLateCutOffs.NeedEstablishedBefore"/>; an active OPP is late for evaluation when it was
    /// last evaluated (after it was set) before <see cref="OppLateCutOffs.EvaluatedBefore"/>, or, never
    /// evaluated since, was set before <see cref="OppLateCutOffs.ActivatedBefore"/>.
    /// </summary>
    public static OppLateCutOffs CutOffsOn(DateOnly today)
    {
        var current = SchoolYear.Containing(today).StartYear;
        return new OppLateCutOffs(today.AddDays(-SetWithin.Days), new DateOnly(current, 4, 1), new SchoolYear(current - 1).FirstDay);
    }
}

/// <summary>See <see cref="OppDeadlines.CutOffsOn"/>.</summary>
public sealed record OppLateCutOffs(DateOnly NeedEstablishedBefore, DateOnly ActivatedBefore, DateOnly EvaluatedBefore);
