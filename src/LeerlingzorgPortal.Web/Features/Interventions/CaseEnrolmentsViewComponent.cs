using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Interventions;

public sealed record CaseEnrolmentLine(int InterventionId, string Intervention, EnrolmentStatus Status, DateTimeOffset RequestedAt,
    DateOnly? StartOn, DateOnly? EndOn, string? Outcome);

public sealed record InterventionOption(int Id, string Name, int Capacity, int Participants, int Waiting)
{
    public int FreePlaces => Math.Max(0, Capacity - Participants);
}

/// <param name="Submitted">The enrolment form when it was just posted and refused; null otherwise.</param>
public sealed record CaseEnrolments(int ReferralId, bool MayEnrol, IReadOnlyList<CaseEnrolmentLine> Enrolments,
    IReadOnlyList<InterventionOption> Options, EnrolForm? Submitted, DateOnly Today);

/// <summary>
/// The interventions of a case on its page: the pupil's enrolments made on this case (or without a
/// case), and for those who may work the case the form "Inschrijven voor een interventie". The page
/// shows it only to those who see the case work, and its read is already audited there.
/// </summary>
public sealed class CaseEnrolmentsViewComponent(PortalDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int referralId, int pupilId, bool mayEnrol, object? submitted)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var enrolments = await (from e in db.Enrolments.AsNoTracking()
                                join i in db.Interventions on e.InterventionId equals i.Id
                                where e.PupilId == pupilId && (e.ReferralId == referralId || e.ReferralId == null)
                                orderby e.RequestedAt descending
                                select new CaseEnrolmentLine(i.Id, i.Name, e.Status, e.RequestedAt, e.StartOn, e.EndOn, e.Outcome))
            .ToListAsync(cancellationToken);
        var options = mayEnrol
            ? await db.Interventions.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Name)
                .Select(i => new InterventionOption(i.Id, i.Name, i.Capacity,
                    i.Enrolments.Count(e => e.Status == EnrolmentStatus.Participating),
                    i.Enrolments.Count(e => e.Status == EnrolmentStatus.Waiting)))
                .ToListAsync(cancellationToken)
            : [];
        return View("~/Features/Interventions/_CaseEnrolments.cshtml", new CaseEnrolments(referralId, mayEnrol, enrolments, options,
            submitted as EnrolForm, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }
}
