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
        if (plan.Kind != PlanKind.Opp || plan.Status == PlanStatus.Closed || plan.FirstActivatedOn is not { } activated)
        {
            return null;
        }

        if (plan.LastEvaluatedOn is { } last && last >= activated)
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
