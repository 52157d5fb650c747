using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// Four weeks of audit log for the viewer and the unusual-access overview: mentors reading their own group,
/// care workers their own cases, the coordinator their location, a weekly export, now and then a change.
/// One pattern stands out: last week the care worker of Noord (zorg-a) opened fifteen dossiers of Noord pupils
/// who are none of their cases, several of them in the evening from home, and twice asked for a pupil of Zuid.
/// The privacy officer (FG) reviewed that pattern yesterday and looked up the name behind one pseudonym, with a reason
/// (ADR 0034).
/// </summary>
internal sealed class DemoAudit(PortalDbContext db, DateTimeOffset now)
{
    private const string School = "192.0.2.";
    private const string Home = "198.51.100.23";

    public async Task AddAsync(Dictionary<string, StaffMember> staff, Location north, Location south, CancellationToken cancellationToken)
    {
        var mentor = staff[DemoAccounts.Mentor];
        var workerA = staff[DemoAccounts.CareWorkerA].Id;
        var workerB = staff[DemoAccounts.CareWorkerB].Id;
        var coordinator = staff[DemoAccounts.Coordinator].Id;
        var mentorGroups = mentor.MentorGroups.Select(g => g.MentorGroupId).ToList();

        var ownGroup = await db.Pupils.Where(p => p.MentorGroupId != null && mentorGroups.Contains(p.MentorGroupId.Value))
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var casesA = await CaseloadAsync(workerA, cancellationToken);
        var casesB = await CaseloadAsync(workerB, cancellationToken);
        var northPupils = await db.Pupils.Where(p => p.LocationId == north.Id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var southPupils = await db.Pupils.Where(p => p.LocationId == south.Id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);

        var lines = new List<AuditEntry>();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var back = 28; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            // 08:00 UTC is 09:00 (winter) or 10:00 (summer) in Amsterdam: well within school hours.
            Read(lines, day, 8, 10, mentor.Id, ownGroup[(back * 2) % ownGroup.Count], "1");
            Read(lines, day, 9, 40, mentor.Id, ownGroup[((back * 2) + 1) % ownGroup.Count], "1");
            if (casesA.Count > 0)
            {
                Read(lines, day, 10, 5, workerA, casesA[back % casesA.Count], "2");
            }

            if (casesB.Count > 0)
            {
                Read(lines, day, 11, 15, workerB, casesB[back % casesB.Count], "3");
            }

            Read(lines, day, 12, 30, coordinator, northPupils[(back * 7) % northPupils.Count], "4");
            Read(lines, day, 13, 45, coordinator, northPupils[(back * 11) % northPupils.Count], "4");
            if (back % 7 == 3)
            {
                lines.Add(new AuditEntry(At(day, 14, 0), coordinator, AuditAction.Export, "Report",
                    $"DashboardReport:aanmeldingen:{day:yyyyMMdd}", null).From(School + "4"));
            }

            if (back % 5 == 0 && casesA.Count > 0)
            {
                lines.Add(new AuditEntry(At(day, 14, 20), workerA, AuditAction.Update, "Pupil", Key(casesA[0]), casesA[0]).From(School + "2"));
            }
        }

        // The unusual pattern: fifteen dossiers outside the caseload in the last week, six of them after 19:00.
        var outside = northPupils.Except(casesA).Where((_, i) => i % 3 == 1).Take(15).ToList();
        for (var i = 0; i < outside.Count; i++)
        {
            var day = today.AddDays(-2 - (i % 5));
            var evening = i % 5 < 2 && i < 10;
            lines.Add(new AuditEntry(evening ? At(day, 19, 10 + i) : At(day, 12, 5 + i), workerA, AuditAction.Read, "Pupil",
                Key(outside[i]), outside[i]).From(evening ? Home : School + "2"));
        }

        foreach (var pupil in southPupils.Take(2))
        {
            lines.Add(new AuditEntry(At(today.AddDays(-3), 19, 40), workerA, AuditAction.AccessRefused, "Pupils", Key(pupil), null).From(Home));
        }

        if (staff.TryGetValue(DemoAccounts.PrivacyOfficer, out var privacyOfficer) && outside.Count > 0)
        {
            var yesterday = today.AddDays(-1);
            lines.Add(new AuditEntry(At(yesterday, 9, 0), privacyOfficer.Id, AuditAction.Read, "AuditUnusualAccess",
                $"{yesterday.AddDays(-29):yyyy-MM-dd}:{yesterday:yyyy-MM-dd}", null).From(School + "5"));
            lines.Add(new AuditEntry(At(yesterday, 9, 12), privacyOfficer.Id, AuditAction.Read, AuditAccess.NamedLookupSubject,
                    Key(outside[0]), outside[0])
                .From(School + "5")
                .WithDetail("Ongebruikelijke toegang door zorg-a (15 dossiers buiten de eigen zaken): nagaan bij de coördinator of dit dossier een reden had."));
        }

        db.AuditEntries.AddRange(lines);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<List<int>> CaseloadAsync(string careWorkerId, CancellationToken cancellationToken) =>
        db.Referrals.Where(r => r.AssignedCareWorkerId == careWorkerId).Select(r => r.PupilId).Distinct().OrderBy(id => id)
            .ToListAsync(cancellationToken);

    private static void Read(List<AuditEntry> lines, DateOnly day, int hour, int minute, string userId, int pupilId, string host) =>
        lines.Add(new AuditEntry(At(day, hour, minute), userId, AuditAction.Read, "Pupil", Key(pupilId), pupilId).From(School + host));

    private static DateTimeOffset At(DateOnly day, int utcHour, int minute) =>
        new(day.ToDateTime(new TimeOnly(utcHour, minute)), TimeSpan.Zero);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
