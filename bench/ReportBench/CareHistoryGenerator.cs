using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace ReportBench;

/// <summary>
/// Two school years of care work on the demo board, always the same (seeded): referrals in every
/// state with triage, notes and action items, incidents with one to three pupils, meetings of every
/// type, and external referrals. Sizes follow the data set of the performance issue (8,000 referrals,
/// 60,000 notes, 30,000 action items, 20,000 incidents, 1,000 meetings) scaled by <c>referrals</c>.
/// Saved in batches with change detection off, not one SaveChanges per row.
/// </summary>
internal sealed class CareHistoryGenerator(PortalDbContext db, DateTimeOffset now, int referrals)
{
    private const int Batch = 250;
    private readonly Random _random = new(2026);

    public async Task<GeneratedCounts> GenerateAsync()
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var pupils = await db.Pupils.AsNoTracking().ToListAsync();
        var staff = await db.StaffMembers.AsNoTracking().Select(s => new { s.Id, s.Email, Mentors = s.MentorGroups.Any() }).ToListAsync();
        string[] Ids(params string[] emails) => staff.Where(s => emails.Contains(s.Email)).Select(s => s.Id).ToArray();
        var mentors = staff.Where(s => s.Mentors).Select(s => s.Id).ToArray();
        var workers = Ids(DemoAccounts.CareWorkerA, DemoAccounts.CareWorkerB, DemoAccounts.CareWorkerC);
        var coordinators = Ids(DemoAccounts.Coordinator);

        var counts = new GeneratedCounts();
        var referralIds = new List<(int Id, int PupilId, DateTimeOffset TriagedAt)>();
        for (var done = 0; done < referrals; done += Batch)
        {
            var batch = new List<Referral>();
            for (var i = done; i < Math.Min(referrals, done + Batch); i++)
            {
                batch.Add(NewReferral(Pick(pupils), Pick(mentors), Pick(coordinators), Pick(workers), counts));
            }

            db.Referrals.AddRange(batch);
            foreach (var pupil in batch.Select(r => r.Pupil!).Distinct())
            {
                // The pupils already exist; Add would insert them again with the referral's graph.
                db.Entry(pupil).State = EntityState.Unchanged;
            }

            await SaveAsync();
            referralIds.AddRange(batch.Where(r => r.TriagedAt is not null).Select(r => (r.Id, r.PupilId, r.TriagedAt!.Value)));
        }

        await AddIncidentsAsync(pupils, mentors, referrals * 5 / 2, counts);
        await AddMeetingsAsync(pupils.Select(p => p.LocationId).Distinct().ToArray(), coordinators, referrals / 8, counts);
        await AddExternalReferralsAsync(referralIds, workers, referrals / 4, counts);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return counts;
    }

    private Referral NewReferral(Pupil pupil, string mentor, string coordinator, string worker, GeneratedCounts counts)
    {
        var submitted = now.AddMinutes(-_random.Next(60 * 24, 60 * 24 * 470));
        var referral = Referral.Draft(pupil, mentor, Guid.NewGuid(),
            new ReferralDetails(Pick(Enum.GetValues<ReferralCategory>()), Pick(Enum.GetValues<Urgency>()), "Hulpvraag (gegenereerd)",
                "Gesprekken met de leerling", true, DateOnly.FromDateTime(submitted.AddHours(-1).UtcDateTime)), submitted.AddHours(-1));
        referral.Submit(mentor, submitted);
        counts.Referrals++;
        var roll = _random.Next(100);
        if (roll < 8)
        {
            return referral;
        }

        var triaged = Earliest(submitted.AddMinutes(_random.Next(30, 60 * 24 * 12)));
        if (roll < 13)
        {
            referral.ReturnToMentor(coordinator, "Advies aan de mentor (gegenereerd)", triaged);
            return referral;
        }

        referral.Triage(coordinator, worker, _random.Next(4) == 0 ? SupportLevel.Extra : SupportLevel.Basic, triaged);
        var moment = triaged;
        var notes = _random.Next(4, 11);
        for (var n = 0; n < notes && moment < now.AddDays(-1); n++)
        {
            moment = Earliest(moment.AddMinutes(_random.Next(60 * 24, 60 * 24 * 20)));
            referral.AddNote(worker, new NoteDetails(DateOnly.FromDateTime(moment.UtcDateTime), ContactParties.Pupil, "Gesprek (gegenereerd)",
                "Afspraken (gegenereerd)", false), moment);
            counts.Notes++;
            if (_random.Next(2) == 0)
            {
                referral.AddActionItem(worker, worker, "Actiepunt (gegenereerd)", DateOnly.FromDateTime(moment.UtcDateTime).AddDays(_random.Next(3, 30)), moment);
                counts.ActionItems++;
            }
        }

        if (roll < 60 && moment < now.AddDays(-2))
        {
            referral.Close(worker, CaseOutcome.GoalsReached, "Doelen bereikt (gegenereerd)", Earliest(moment.AddDays(1)));
        }

        return referral;
    }

    private async Task AddIncidentsAsync(List<Pupil> pupils, string[] mentors, int count, GeneratedCounts counts)
    {
        var byLocation = pupils.GroupBy(p => p.LocationId).ToDictionary(g => g.Key, g => g.ToList());
        for (var done = 0; done < count; done += Batch * 4)
        {
            for (var i = done; i < Math.Min(count, done + Batch * 4); i++)
            {
                var location = Pick(byLocation.Keys.ToArray());
                var involved = byLocation[location].OrderBy(_ => _random.Next()).Take(_random.Next(1, 4))
                    .Select((p, index) => (p.Id, index == 0 ? IncidentRole.Victim : IncidentRole.Perpetrator)).ToList();
                var occurred = now.AddMinutes(-_random.Next(60, 60 * 24 * 470));
                var category = _random.Next(3) == 0 ? IncidentCategory.Bullying : Pick(Enum.GetValues<IncidentCategory>().Where(c => c != IncidentCategory.Other).ToArray());
                db.Incidents.Add(Incident.Report(location, new IncidentDetails(occurred, "Schoolplein", category, Pick(Enum.GetValues<IncidentSeverity>()),
                    "Voorval (gegenereerd)", null, false, false), involved, Pick(mentors), occurred.AddHours(1) > now ? now : occurred.AddHours(1)));
                counts.Incidents++;
                counts.IncidentPupils += involved.Count;
            }

            await SaveAsync();
        }
    }

    private async Task AddMeetingsAsync(int[] locations, string[] coordinators, int count, GeneratedCounts counts)
    {
        for (var i = 0; i < count; i++)
        {
            var starts = now.AddDays(-_random.Next(2, 470)).AddHours(-_random.Next(0, 6));
            var meeting = Meeting.Plan(Pick(locations), Pick(Enum.GetValues<MeetingType>()), starts, Pick(coordinators), null, [], [], starts.AddDays(-14))[0];
            meeting.Close(starts.AddHours(2));
            db.Meetings.Add(meeting);
            counts.Meetings++;
        }

        await SaveAsync();
    }

    private async Task AddExternalReferralsAsync(List<(int Id, int PupilId, DateTimeOffset TriagedAt)> cases, string[] workers, int count,
        GeneratedCounts counts)
    {
        var agencies = await db.ExternalOrganisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync();
        foreach (var (id, pupilId, triagedAt) in cases.OrderBy(_ => _random.Next()).Take(count))
        {
            var agency = Pick(agencies.ToArray());
            var sent = DateOnly.FromDateTime(Earliest(triagedAt.AddDays(_random.Next(1, 30))).UtcDateTime);
            db.ExternalReferrals.Add(new ExternalReferral(id, pupilId, agency.Kind, agency.Name, sent, "Reden (gegenereerd)",
                "Gedeelde informatie (gegenereerd)", "Ouders", sent.AddDays(_random.Next(14, 60)), Pick(workers),
                Earliest(triagedAt.AddDays(30)), agency.Id));
            counts.ExternalReferrals++;
        }

        await SaveAsync();
    }

    private DateTimeOffset Earliest(DateTimeOffset moment) => moment < now ? moment : now;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private async Task SaveAsync()
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

internal sealed class GeneratedCounts
{
    public int Referrals { get; set; }

    public int Notes { get; set; }

    public int ActionItems { get; set; }

    public int Incidents { get; set; }

    public int IncidentPupils { get; set; }

    public int Meetings { get; set; }

    public int ExternalReferrals { get; set; }

    public override string ToString() =>
        $"{Referrals:N0} referrals, {Notes:N0} notes, {ActionItems:N0} action items, {Incidents:N0} incidents ({IncidentPupils:N0} involved pupils), " +
        $"{Meetings:N0} meetings, {ExternalReferrals:N0} external referrals";
}
