using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Plans;
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

/// <summary>
/// What the plan page shows beyond the loaded plan and case, in one UNION ALL: the names of the staff
/// it names, the school, and for those who write the plan the staff at the location.
/// </summary>
public sealed class PlanPageQuery(PortalDbContext db, StaffLookup staff, TimeProvider clock)
{
    private const int Names = 0;
    private const int School = 1;
    private const int StaffHere = 2;

    public async Task<PlanPage> HandleAsync(LoadedPlan loaded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var plan = loaded.Plan;
        var pupil = loaded.Case.Pupil!;
        var locationId = loaded.Case.LocationId;
        var ids = plan.Versions.Select(v => v.SavedById)
            .Concat(plan.Evaluations.Select(e => e.ById))
            .Concat(plan.Consents.Select(c => c.RecordedById))
            .Concat(plan.MeasureEvaluations.Select(m => m.ById))
            .Concat(plan.Content.Measures.Select(m => m.ByWhomId))
            .Append(plan.ResponsibleId)
            .OfType<string>().Distinct().ToList();
        var rows = db.StaffMembers.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new PlanPageRow { List = Names, Key = s.Id, Name = s.DisplayName })
            .Concat(db.Locations.AsNoTracking().Where(l => l.Id == locationId)
                .Select(l => new PlanPageRow { List = School, Key = null, Name = l.Board!.Name + " – " + l.Name }));
        if (loaded.OnPlan.Writes)
        {
            rows = rows.Concat(staff.StaffAt(locationId).Select(s => new PlanPageRow { List = StaffHere, Key = s.Id, Name = s.DisplayName }));
        }

        var all = await rows.OrderBy(r => r.List).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        var names = all.Where(r => r.List == Names).ToDictionary(r => r.Key!, r => r.Name!);
        var school = all.Single(r => r.List == School).Name!;
        var staffHere = all.Where(r => r.List == StaffHere).Select(r => new StaffOption(r.Key!, r.Name!)).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new PlanPage(loaded, pupil.Name.FullName, pupil.MentorGroup?.Name, school, names, today,
            OppDeadlines.SetBy(plan), OppDeadlines.IsLateToBeSet(plan, today),
            OppDeadlines.EvaluateBy(plan), OppDeadlines.IsLateForEvaluation(plan, today), staffHere);
    }
}

/// <summary>A name, the school or a staff member for the plan page, as one part of a UNION ALL returns it.</summary>
internal sealed class PlanPageRow
{
    public int List { get; set; }

    public string? Key { get; set; }

    public string? Name { get; set; }
}
