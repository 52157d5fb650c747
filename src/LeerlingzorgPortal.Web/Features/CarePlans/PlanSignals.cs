using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.CarePlans;

public sealed record PlanSignal(int PlanId, string PupilName, string Title, string Signal, string Responsible);

/// <summary>
/// OPPs that are late to be set (6 weeks), late for their yearly evaluation, or waiting for the
/// parents' consent: for the coordinator across the cases they oversee, for a care worker the plans
/// they are responsible for.
/// </summary>
public sealed class PlanSignalsQuery(PortalDbContext db, CareAccess careAccess, CurrentStaff currentStaff, TimeProvider clock)
{
    public async Task<IReadOnlyList<PlanSignal>> HandleAsync(bool onlyMine, CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        var readable = db.Referrals.Where(await careAccess.ReadableAsync(cancellationToken));
        var query = db.CarePlans.AsNoTracking().Include(p => p.Consents)
            .Where(p => p.Kind == PlanKind.Opp && p.Status != PlanStatus.Closed)
            .Where(p => readable.Any(r => r.Id == p.ReferralId));
        if (onlyMine)
        {
            query = query.Where(p => p.ResponsibleId == me);
        }

        // The plans with their consents, the pupils' names and the responsible staff members' names in one command.
        var rows = await query
            .Select(p => new
            {
                Plan = p,
                Pupil = db.Pupils.Where(x => x.Id == p.PupilId).Select(x => new { x.Name.FirstName, x.Name.Prefix, x.Name.LastName }).First(),
                Responsible = db.StaffMembers.Where(x => x.Id == p.ResponsibleId).Select(x => x.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var plans = rows.Select(r => r.Plan).ToList();
        var labels = rows.ToDictionary(r => r.Plan.Id);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var signals = new List<PlanSignal>();
        foreach (var plan in plans)
        {
            var pupil = labels[plan.Id].Pupil;
            string? signal = null;
            if (OppDeadlines.IsLateToBeSet(plan, today))
            {
                signal = $"Niet vastgesteld binnen 6 weken (uiterlijk {Shared.Dutch.Date(OppDeadlines.SetBy(plan)!.Value)})";
            }
            else if (OppDeadlines.IsLateForEvaluation(plan, today))
            {
                signal = $"Jaarlijkse evaluatie te laat (uiterlijk {Shared.Dutch.Date(OppDeadlines.EvaluateBy(plan)!.Value)})";
            }
            else if (plan.Status == PlanStatus.Draft && !plan.HasConsentForCurrentVersion)
            {
                signal = "Wacht op instemming van de ouders met het handelingsdeel";
            }

            if (signal is not null)
            {
                signals.Add(new PlanSignal(plan.Id, ReferralListQuery.FullName(pupil.FirstName, pupil.Prefix, pupil.LastName),
                    plan.Content.Title, signal, labels[plan.Id].Responsible ?? "–"));
            }
        }

        return signals.OrderBy(s => s.PupilName, StringComparer.Ordinal).ToList();
    }
}
