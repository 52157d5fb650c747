using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.CarePlans;

/// <summary>What the plan page, the print view and the comparison show.</summary>
public sealed record PlanPage(
    LoadedPlan Loaded,
    string PupilName,
    string? MentorGroup,
    string SchoolName,
    IReadOnlyDictionary<string, string> Names,
    DateOnly Today,
    DateOnly? SetBy,
    bool LateToBeSet,
    DateOnly? EvaluateBy,
    bool LateForEvaluation,
    IReadOnlyList<StaffOption> StaffAtLocation)
{
    public CarePlan Plan => Loaded.Plan;

    public string Name(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : "–";

    /// <summary>The mentor's view: only the classroom measures of an active plan.</summary>
    public bool IsMentorView => !Loaded.OnPlan.ReadsPlans;
}

public sealed class PlanPageQuery(PortalDbContext db, StaffLookup staff, TimeProvider clock)
{
    public async Task<PlanPage> HandleAsync(LoadedPlan loaded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var plan = loaded.Plan;
        var pupil = loaded.Case.Pupil!;
        var group = pupil.MentorGroupId is int groupId
            ? await db.MentorGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var school = await db.Locations.Where(l => l.Id == loaded.Case.LocationId)
            .Select(l => l.Board!.Name + " – " + l.Name).SingleAsync(cancellationToken);
        var names = await staff.NamesAsync(plan.Versions.Select(v => v.SavedById)
            .Concat(plan.Evaluations.Select(e => e.ById))
            .Concat(plan.Consents.Select(c => c.RecordedById))
            .Concat(plan.MeasureEvaluations.Select(m => m.ById))
            .Concat(plan.Content.Measures.Select(m => m.ByWhomId))
            .Append(plan.ResponsibleId), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var staffHere = loaded.OnPlan.Writes ? await staff.StaffAtAsync(loaded.Case.LocationId, cancellationToken) : [];
        return new PlanPage(loaded, pupil.Name.FullName, group, school, names, today,
            OppDeadlines.SetBy(plan), OppDeadlines.IsLateToBeSet(plan, today),
            OppDeadlines.EvaluateBy(plan), OppDeadlines.IsLateForEvaluation(plan, today), staffHere);
    }
}
