using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Import;

/// <summary>
/// Plans and applies imports from the pupil administration. The plan is made against the database
/// as it is; applying re-plans and writes everything in one transaction, so what is written is
/// exactly what the preview showed (or nothing, when the data changed or a row has a problem).
/// </summary>
public sealed class ImportService(PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock, AuditLog audit)
{
    /// <summary>Admins import for every location, coordinators for their own.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AllowedLocationsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        return (await db.Locations.AsNoTracking().Where(ImportAccess.LocationsFor(scope)).OrderBy(l => l.Name)
                .Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken))
            .Select(l => (l.Id, l.Name)).ToList();
    }

    public async Task<(ImportTable? Table, IReadOnlyList<ImportField> Mapping, ImportPlan? Plan, string? Problem)> PlanAsync(ImportUpload upload,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Table is null)
        {
            return (null, [], null, "Dit bestand is geüpload vóór een vernieuwing van de import; annuleer het en upload het opnieuw.");
        }

        // Read once at upload (ADR 0037): the preview and the confirmation use the stored table, never the file.
        var table = ImportTable.FromJson(upload.Table);

        var mapping = Mapping(upload, table);
        var context = await ContextAsync(upload.LocationId, cancellationToken);
        return (table, mapping, ImportPlanner.Plan(table, mapping, context, upload.FullImport), null);
    }

    public static IReadOnlyList<ImportField> Mapping(ImportUpload upload, ImportTable table)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(table);
        var stored = upload.Mapping?.Split('|').Select(m => Enum.TryParse<ImportField>(m, out var field) ? field : ImportField.Ignore).ToList();
        return stored is not null && stored.Count == table.Headers.Count ? stored : HeaderRecognizer.Recognize(table.Headers);
    }

    /// <summary>Applies the plan in one transaction and audits the counts. Returns the plan that was applied.</summary>
    public async Task<(ImportPlan? Plan, string? Problem)> ApplyAsync(ImportUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var (_, _, plan, problem) = await PlanAsync(upload, cancellationToken);
        if (plan is null)
        {
            return (null, problem);
        }

        if (plan.Problems.Count > 0)
        {
            return (plan, "Er staan nog regels met problemen in het bestand; er is niets geïmporteerd.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var year = SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var locationIds = plan.Creates.Concat(plan.Updates).Concat(plan.Moves).Select(c => c.Row.LocationId)
            .Concat(plan.NewGroups.Select(g => g.LocationId)).Concat(plan.NewMentorLinks.Select(l => l.LocationId)).Distinct().ToList();
        var locations = await db.Locations.Include(l => l.MentorGroups).Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        foreach (var (locationId, group) in plan.NewGroups)
        {
            locations[locationId].AddMentorGroup(group, year);
        }

        MentorGroup Group(int locationId, string name) =>
            locations[locationId].MentorGroups.Single(g => g.SchoolYear == year && !g.IsArchived
                                                          && string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
        MentorGroup? GroupOf(ImportRow row) => row.Group is null ? null : Group(row.LocationId, row.Group);

        // Thousands of new pupils: detect changes once at the end instead of on every Add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var create in plan.Creates)
        {
            var row = create.Row;
            var pupil = new Pupil(row.Number, new PersonName(row.FirstName, row.Prefix, row.LastName), row.DateOfBirth, locations[row.LocationId]);
            if (GroupOf(row) is { } group)
            {
                pupil.PlaceInMentorGroup(group);
            }

            AddGuardian(pupil, row);
            db.Pupils.Add(pupil);
        }

        var touched = plan.Updates.Concat(plan.Moves).Select(c => c.PupilId!.Value).Concat(plan.Lefts.Select(l => l.Id)).Distinct().ToList();
        var pupils = await db.Pupils.Include(p => p.Guardians).Include(p => p.Location).Where(p => touched.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var update in plan.Updates)
        {
            var pupil = pupils[update.PupilId!.Value];
            pupil.Correct(new PersonName(update.Row.FirstName, update.Row.Prefix, update.Row.LastName), update.Row.DateOfBirth);
            if (pupil.LeftOn is not null)
            {
                pupil.Return();
            }

            AddGuardian(pupil, update.Row);
        }

        foreach (var move in plan.Moves)
        {
            pupils[move.PupilId!.Value].PlaceInMentorGroup(GroupOf(move.Row)!);
        }

        foreach (var left in plan.Lefts)
        {
            pupils[left.Id].MarkLeft(upload.LeavingDate);
        }

        var staffIds = plan.NewMentorLinks.Select(l => l.StaffId).Distinct().ToList();
        var staff = await db.StaffMembers.Include(s => s.Locations).Include(s => s.MentorGroups).Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var (staffId, locationId, groupName) in plan.NewMentorLinks)
        {
            staff[staffId].AddMentorGroup(Group(locationId, groupName));
        }

        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.ImportUploads.Remove(upload);
        audit.Add(AuditAction.Create, "PupilImport", upload.Id.ToString("N", CultureInfo.InvariantCulture)[..32], null)
            .WithDetail(plan.Counts);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (plan, null);
    }

    private static void AddGuardian(Pupil pupil, ImportRow row)
    {
        if ((row.GuardianEmail is null && row.GuardianPhone is null) || pupil.HasGuardianReachableAt(row.GuardianEmail, row.GuardianPhone)
            || pupil.Guardians.Count >= Pupil.MaxGuardians)
        {
            return;
        }

        pupil.AddGuardian(row.GuardianName ?? "Ouder/verzorger", GuardianRelationship.Parent, row.GuardianPhone, row.GuardianEmail, true);
    }

    private async Task<ImportContext> ContextAsync(int? defaultLocationId, CancellationToken cancellationToken)
    {
        var allowed = (await AllowedLocationsAsync(cancellationToken)).Select(l => l.Id).ToHashSet();
        var year = SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var pupils = await db.Pupils.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.Number,
                p.LocationId,
                Group = p.MentorGroup == null ? null : p.MentorGroup.Name,
                p.Name.FirstName,
                p.Name.Prefix,
                p.Name.LastName,
                p.DateOfBirth,
                p.LeftOn,
                Emails = p.Guardians.Where(g => g.Email != null).Select(g => g.Email!).ToList(),
                Phones = p.Guardians.Where(g => g.Phone != null).Select(g => g.Phone!).ToList(),
            })
            .ToListAsync(cancellationToken);
        var locations = await db.Locations.AsNoTracking().Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(cancellationToken);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var location in locations)
        {
            keys[location.Code.ToUpperInvariant()] = location.Id;
            keys[location.Name.ToUpperInvariant()] = location.Id;
        }

        var groups = (await db.MentorGroups.AsNoTracking().Where(g => !g.IsArchived).Where(g => g.SchoolYear == year)
                .Select(g => new { g.LocationId, g.Name }).ToListAsync(cancellationToken))
            .Select(g => (g.LocationId, g.Name.ToUpperInvariant())).ToHashSet();
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive)
            .Select(s => new
            {
                s.Id,
                s.Email,
                Locations = s.Locations.Select(l => l.LocationId).ToList(),
                Groups = s.MentorGroups.Join(db.MentorGroups, sg => sg.MentorGroupId, g => g.Id, (_, g) => new { g.LocationId, g.Name }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new ImportContext(
            pupils.ToDictionary(p => p.Number, p => new ExistingPupil(p.Id, p.Number, p.LocationId, p.Group, p.FirstName, p.Prefix, p.LastName,
                p.DateOfBirth, p.LeftOn, p.Emails, p.Phones), StringComparer.OrdinalIgnoreCase),
            keys, allowed, groups,
            staff.ToDictionary(s => s.Email.ToUpperInvariant(), s => new StaffInfo(s.Id, s.Locations.ToHashSet(),
                s.Groups.Select(g => (g.LocationId, g.Name.ToUpperInvariant())).ToHashSet())),
            defaultLocationId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
