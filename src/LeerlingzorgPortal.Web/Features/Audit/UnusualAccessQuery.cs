using System.Linq.Expressions;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Features.Audit;

/// <summary>One user's figures over the period and which of them are above the threshold.</summary>
public sealed record UnusualAccessRow(string UserId, string UserName, AccessFigures Figures, UnusualFigure Flags)
{
    public bool IsFlagged => Flags != UnusualFigure.None;
}

/// <summary>
/// The overview of unusual access for periodic review, per user over a period (days in Amsterdam time), within
/// the reviewer's <see cref="AuditReach"/>. Every figure is counted in the database (grouped per user); no audit
/// line is loaded.
/// <list type="bullet">
/// <item>pupils outside the caseload: distinct pupils whose dossier the user read (a <see cref="AuditAction.Read"/>
/// line with a pupil, lists of many pupils not counted) while the pupil was none of theirs: not a case assigned
/// to them, not in a mentor group they mentor, and (for a coordinator) not at one of their locations;</item>
/// <item>refused accesses: <see cref="AuditAction.AccessRefused"/> lines;</item>
/// <item>reads outside school hours: reads before 07:00, from 19:00, or at the weekend (<see cref="SchoolHours"/>);</item>
/// <item>exports: downloads (<see cref="AuditAction.Export"/> lines without a pupil: one per download).</item>
/// </list>
/// </summary>
public sealed class UnusualAccessQuery(PortalDbContext db, AuditReach reach, IOptions<AuditOptions> options)
{
    /// <summary>Lines that list many pupils at once (signal lists, group overviews, a meeting's agenda): not a look into one dossier.</summary>
    public static readonly string[] ListSubjects = ["CoordinatorReport", "AccommodationGroupOverview", "InterventionParticipants", "Meeting", "MeetingExternal"];

    public const int MaxDays = 366;

    public UnusualAccessThresholds Thresholds => options.Value.Thresholds;

    public async Task<IReadOnlyList<UnusualAccessRow>> HandleAsync(DateOnly from, DateOnly through, CancellationToken cancellationToken = default)
    {
        var start = AuditFilter.Midnight(from);
        var end = AuditFilter.Midnight(through.AddDays(1));
        var rows = (await reach.RowsAsync(cancellationToken)).Where(a => a.At >= start && a.At < end);
        var reads = rows.Where(a => a.Action == AuditAction.Read);
        var coordinator = PortalRoles.Coordinator;

        var outsideCaseload = await reads
            .Where(a => a.PupilId != null && !ListSubjects.Contains(a.SubjectType))
            .Where(a => !db.Referrals.Any(r => r.PupilId == a.PupilId && r.AssignedCareWorkerId == a.UserId)
                        && !db.Pupils.Any(p => p.Id == a.PupilId && p.MentorGroupId != null
                                               && db.StaffMembers.Any(s => s.Id == a.UserId && s.MentorGroups.Any(g => g.MentorGroupId == p.MentorGroupId)))
                        && !(db.UserRoles.Any(ur => ur.UserId == a.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == coordinator))
                             && db.Pupils.Any(p => p.Id == a.PupilId
                                                   && db.StaffMembers.Any(s => s.Id == a.UserId && s.Locations.Any(l => l.LocationId == p.LocationId)))))
            .GroupBy(a => a.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Select(a => a.PupilId).Distinct().Count() })
            .ToDictionaryAsync(x => x.UserId, x => x.Count, cancellationToken);
        var refused = await CountPerUserAsync(rows.Where(a => a.Action == AuditAction.AccessRefused), cancellationToken);
        var outsideHours = await CountPerUserAsync(reads.Where(InStretches(SchoolHours.OutsideStretches(from, through, SchoolHours.Amsterdam))),
            cancellationToken);
        // One line without a pupil per download; a signal-list download adds a line per pupil named, not counted again.
        var exports = await CountPerUserAsync(rows.Where(a => a.Action == AuditAction.Export && a.PupilId == null), cancellationToken);

        var userIds = await rows.Select(a => a.UserId).Distinct().ToListAsync(cancellationToken);
        var names = await db.StaffMembers.AsNoTracking().Where(s => userIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var thresholds = Thresholds;
        return userIds
            .Select(id =>
            {
                var figures = new AccessFigures(outsideCaseload.GetValueOrDefault(id), refused.GetValueOrDefault(id),
                    outsideHours.GetValueOrDefault(id), exports.GetValueOrDefault(id));
                return new UnusualAccessRow(id, names.GetValueOrDefault(id) ?? "(onbekende gebruiker)", figures, thresholds.Flags(figures));
            })
            .OrderByDescending(r => r.IsFlagged)
            .ThenByDescending(r => r.Figures.PupilsOutsideCaseload + r.Figures.RefusedAccesses + r.Figures.ReadsOutsideSchoolHours + r.Figures.Exports)
            .ThenBy(r => r.UserName, StringComparer.Create(Shared.Dutch.Culture, ignoreCase: true))
            .ToList();
    }

    private static Task<Dictionary<string, int>> CountPerUserAsync(IQueryable<AuditEntry> rows, CancellationToken cancellationToken) =>
        rows.GroupBy(a => a.UserId).Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UserId, x => x.Count, cancellationToken);

    /// <summary>"At in one of the stretches", as one condition the database evaluates (a few stretches a week).</summary>
    private static Expression<Func<AuditEntry, bool>> InStretches(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> stretches)
    {
        var entry = Expression.Parameter(typeof(AuditEntry), "a");
        var at = Expression.Property(entry, nameof(AuditEntry.At));
        Expression body = Expression.Constant(false);
        foreach (var (start, end) in stretches)
        {
            var inside = Expression.AndAlso(
                Expression.GreaterThanOrEqual(at, Expression.Constant(start)),
                Expression.LessThan(at, Expression.Constant(end)));
            body = Expression.OrElse(body, inside);
        }

        return Expression.Lambda<Func<AuditEntry, bool>>(body, entry);
    }
}
