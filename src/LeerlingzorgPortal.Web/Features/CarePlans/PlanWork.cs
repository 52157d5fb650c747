using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.CarePlans;

/// <summary>A loaded plan with its case and what the user may do with both.</summary>
public sealed record LoadedPlan(CarePlan Plan, Referral Case, ReferralPermissions OnCase, PlanPermissions OnPlan);

/// <summary>
/// Loads plans for the signed-in user and carries out every change to them. A plan the user may not
/// read, or may not change in the asked way, is "not found". Changes that must not overwrite each
/// other check the plan's token; a conflict on the plan itself tells what changed in between.
/// </summary>
public sealed class PlanWork(PortalDbContext db, CareAccess careAccess, CurrentStaff currentStaff, AuditLog audit, TimeProvider clock,
    StaffLookup staff)
{
    public const string ConflictMessage =
        "Iemand anders heeft dit plan intussen gewijzigd. Hieronder staat wat er veranderde; je eigen invoer staat nog in het formulier.";

    public async Task<LoadedPlan?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        // Three commands for the whole plan, whatever it holds: the plan with its evaluations and the parents'
        // answers (both few, so joined in one), then its versions and its measure notes (tracked, so they
        // land in the same plan). Not a split query, which sends one command per collection.
        var plan = await db.CarePlans
            .Include(p => p.Evaluations).Include(p => p.Consents)
            .AsSingleQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        await db.Entry(plan).Collection(p => p.Versions).LoadAsync(cancellationToken);
        await db.Entry(plan).Collection(p => p.MeasureEvaluations).LoadAsync(cancellationToken);
        var referral = await db.Referrals.Include(r => r.Pupil!).ThenInclude(p => p.MentorGroup)
            .SingleAsync(r => r.Id == plan.ReferralId, cancellationToken);
        var loaded = await PermissionsAsync(plan, referral, cancellationToken);
        return loaded.OnPlan.ReadsPlans || loaded.OnPlan.ReadsClassroomMeasures ? loaded : null;
    }

    public async Task<(Referral? Case, PlanPermissions OnPlan)> LoadCaseAsync(int referralId, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.Include(r => r.Pupil).SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return (null, new PlanPermissions(false, false, false, false));
        }

        var onCase = await careAccess.PermissionsAsync(referral, cancellationToken);
        return (referral, PlanAccess.For(await currentStaff.GetScopeAsync(cancellationToken), onCase));
    }

    public async Task<(CommandResult Result, int? Id)> CreateAsync(int referralId, PlanForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (referral, onPlan) = await LoadCaseAsync(referralId, cancellationToken);
        if (referral is null || !onPlan.Writes)
        {
            return (CommandResult.NotFound, null);
        }

        if (await ForeignPerformerAsync(referral.LocationId, form, cancellationToken) is { } foreign)
        {
            return (foreign, null);
        }

        if (await FromCareOfferingAsync(form, cancellationToken) is { } unknown)
        {
            return (unknown, null);
        }

        CarePlan plan;
        try
        {
            plan = CarePlan.Start(referral.Id, referral.PupilId, currentStaff.UserId!, form.ToContent() with { Opp = null }, clock.GetUtcNow());
        }
        catch (DomainRuleException e)
        {
            return (CommandResult.Invalid(e.Message), null);
        }

        db.CarePlans.Add(plan);
        await audit.SaveCreatedAsync(nameof(CarePlan), () => plan.Id.ToString(CultureInfo.InvariantCulture), plan.PupilId, cancellationToken);
        return (CommandResult.Done, plan.Id);
    }

    /// <summary>Saves the form as a new version: changing a draft, or continuing an evaluated plan.</summary>
    public async Task<CommandResult> SaveAsync(int id, PlanForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not null && await ForeignPerformerAsync(loaded.Case.LocationId, form, cancellationToken) is { } foreign)
        {
            return foreign;
        }

        if (loaded is not null && await FromCareOfferingAsync(form, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        return await ChangeAsync(id, form.ConcurrencyToken, (plan, me, now) =>
        {
            var content = form.ToContent();
            if (plan.Status == PlanStatus.Evaluated)
            {
                plan.Continue(content, me, now);
            }
            else
            {
                plan.Revise(content, me, now);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// A measure chosen from the care offering must name an intervention that exists; an empty "what"
    /// and "by whom" are filled in with the intervention's name and provider.
    /// </summary>
    private async Task<CommandResult?> FromCareOfferingAsync(PlanForm form, CancellationToken cancellationToken)
    {
        var rows = form.Measures.Where(m => !m.IsBlank && m.InterventionId is not null).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var ids = rows.Select(m => m.InterventionId!.Value).Distinct().ToList();
        var interventions = await db.Interventions.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, i.Provider }).ToDictionaryAsync(i => i.Id, cancellationToken);
        if (ids.Exists(id => !interventions.ContainsKey(id)))
        {
            return CommandResult.Invalid("Kies een interventie uit het zorgaanbod.");
        }

        foreach (var row in rows)
        {
            var intervention = interventions[row.InterventionId!.Value];
            row.What = string.IsNullOrWhiteSpace(row.What) ? intervention.Name : row.What;
            row.ByWhom = string.IsNullOrWhiteSpace(row.ByWhom) ? intervention.Provider : row.ByWhom;
        }

        return null;
    }

    /// <summary>A measure's performer on staff must work at the case's location; a forged id is refused.</summary>
    private async Task<CommandResult?> ForeignPerformerAsync(int locationId, PlanForm form, CancellationToken cancellationToken)
    {
        var chosen = form.Measures.Where(m => !m.IsBlank).Select(m => m.ByWhomId).OfType<string>().Where(id => id.Length > 0).ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        var here = (await staff.StaffAtAsync(locationId, cancellationToken)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return chosen.TrueForAll(here.Contains)
            ? null
            : CommandResult.Invalid("Kies als uitvoerder een medewerker van deze locatie.");
    }

    public Task<CommandResult> MakeOppAsync(int id, MakeOppForm form, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, form.ConcurrencyToken, (plan, me, now) => plan.MakeOpp(form.NeedEstablishedOn!.Value,
            new OppParts(form.ExitProfile, form.ExitProfileReasoning, form.SupportingFactors, form.HinderingFactors, form.SupportSection),
            me, now), cancellationToken);

    public Task<CommandResult> RecordConsentAsync(int id, ConsentForm form, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, form.ConcurrencyToken, (plan, me, now) =>
            plan.RecordConsent(form.Agreed!.Value, form.On!.Value, form.GivenBy!, form.Remarks, me, now), cancellationToken);

    public Task<CommandResult> RecordPupilViewAsync(int id, PupilViewForm form, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, form.ConcurrencyToken, (plan, _, _) => plan.RecordPupilView(form.View!), cancellationToken);

    public Task<CommandResult> ActivateAsync(int id, Guid token, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, token, (plan, me, now) => plan.Activate(me, now), cancellationToken);

    public Task<CommandResult> EvaluateAsync(int id, EvaluateForm form, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, form.ConcurrencyToken, (plan, me, now) => plan.Evaluate(form.On!.Value,
            form.Results.Select(r => new GoalEvaluation(r.GoalKey, r.Result!.Value, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim())).ToList(),
            form.Summary, me, now), cancellationToken);

    public Task<CommandResult> CloseAsync(int id, Guid token, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, token, (plan, _, now) => plan.Close(now), cancellationToken);

    /// <summary>Care worker a (and up) notes how a measure they carry out went; writers may note any measure.</summary>
    public async Task<CommandResult> EvaluateMeasureAsync(int id, MeasureEvaluationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var loaded = await LoadAsync(id, cancellationToken);
        var me = currentStaff.UserId!;
        var measure = loaded?.Plan.Content.Measures.FirstOrDefault(m => m.Key == form.MeasureKey);
        if (loaded is null || !loaded.OnPlan.EvaluatesOwnMeasures || (!loaded.OnPlan.Writes && measure?.ByWhomId != me))
        {
            return CommandResult.NotFound;
        }

        return await SaveChangeAsync(loaded.Plan, null, () => loaded.Plan.EvaluateMeasure(form.MeasureKey, form.On!.Value, form.Note!, me,
            clock.GetUtcNow()), cancellationToken);
    }

    private async Task<CommandResult> ChangeAsync(int id, Guid seenToken, Action<CarePlan, string, DateTimeOffset> change,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null || !loaded.OnPlan.Writes)
        {
            return CommandResult.NotFound;
        }

        return await SaveChangeAsync(loaded.Plan, seenToken, () => change(loaded.Plan, currentStaff.UserId!, clock.GetUtcNow()),
            cancellationToken);
    }

    private async Task<CommandResult> SaveChangeAsync(CarePlan plan, Guid? seenToken, Action change, CancellationToken cancellationToken)
    {
        if (seenToken is { } seen && seen != plan.ConcurrencyToken)
        {
            return CommandResult.Conflict(ConflictMessage);
        }

        return await db.SaveCommandAsync(async () =>
            {
                if (seenToken is { } token)
                {
                    db.Entry(plan).Property(p => p.ConcurrencyToken).OriginalValue = token;
                }

                change();
                audit.Add(AuditAction.Update, nameof(CarePlan), plan.Id.ToString(CultureInfo.InvariantCulture), plan.PupilId);
                await db.SaveChangesAsync(cancellationToken);
            },
            ConflictMessage);
    }

    private async Task<LoadedPlan> PermissionsAsync(CarePlan plan, Referral referral, CancellationToken cancellationToken)
    {
        var onCase = await careAccess.PermissionsAsync(referral, cancellationToken);
        return new LoadedPlan(plan, referral, onCase, PlanAccess.For(await currentStaff.GetScopeAsync(cancellationToken), onCase));
    }
}
