using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Retention;

public sealed record InzageSection(string Key, string Label, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

public sealed record InzageEvent(DateTimeOffset At, string Section, string What);

/// <summary>One line of "who viewed the dossier": who, when, what. The IP address is left out on purpose (ADR 0019).</summary>
public sealed record InzageViewer(DateTimeOffset At, string Who, string Action, string Subject);

public sealed record InzageExport(
    int PupilId,
    string PupilName,
    string PupilNumber,
    string Location,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    IReadOnlyList<InzageSection> Sections,
    IReadOnlyList<InzageEvent> Timeline,
    IReadOnlyList<InzageViewer> Viewers,
    [property: JsonIgnore] IReadOnlyDictionary<string, string> StaffNames);

/// <summary>
/// The subject-access export (inzage): everything the portal keeps about one pupil, walked from
/// <see cref="PupilRecordInventory"/>, with a timeline and the list of who viewed the dossier.
/// Only the coordinator of the pupil's location; every export is audited.
/// </summary>
public sealed class InzageQuery(PortalDbContext db, TimeProvider clock, CurrentStaff currentStaff, AuditLog audit)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Null when the pupil does not exist or is not of the coordinator's locations.</summary>
    public async Task<InzageExport?> HandleAsync(int pupilId, string format, CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var pupil = await db.Pupils.AsNoTracking().Include(p => p.Location).SingleOrDefaultAsync(p => p.Id == pupilId, cancellationToken);
        if (pupil is null || !RetentionAccess.ExportsDossierAt(scope, pupil.LocationId))
        {
            return null;
        }

        // Audited before it is read, so the export itself shows in its own list of viewers.
        audit.Add(AuditAction.Export, "Inzage", pupilId.ToString(CultureInfo.InvariantCulture), pupilId, format);
        await db.SaveChangesAsync(cancellationToken);

        var inventoryScope = await InventoryScope.ForAsync(db, pupilId, null, cancellationToken);
        var sections = new List<InzageSection>();
        foreach (var entry in PupilRecordInventory.Entries.Where(e => e.Key != PupilRecordInventory.AuditKey))
        {
            sections.Add(new InzageSection(entry.Key, entry.Label, await entry.ExportAsync(db, inventoryScope, cancellationToken)));
        }

        var audits = await db.AuditEntries.AsNoTracking().Where(a => a.PupilId == pupilId)
            .OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        var staffIds = sections.SelectMany(s => s.Rows).SelectMany(r => r.Values).OfType<string>()
            .Concat(audits.Select(a => a.UserId)).Where(v => v.Length is > 0 and <= 64).Distinct().ToList();
        var names = await db.StaffMembers.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var viewers = audits.Select(a => new InzageViewer(a.At, names.GetValueOrDefault(a.UserId, "onbekende gebruiker"),
            ActionText(a.Action), $"{a.SubjectType} {a.SubjectId}")).ToList();
        var me = names.GetValueOrDefault(currentStaff.UserId ?? string.Empty)
                 ?? await db.StaffMembers.Where(s => s.Id == currentStaff.UserId).Select(s => s.DisplayName).SingleAsync(cancellationToken);

        return new InzageExport(pupil.Id, pupil.Name.FullName, pupil.Number, pupil.Location!.Name, clock.GetUtcNow(), me,
            sections, Timeline(sections), viewers, names);
    }

    /// <summary>Every dated record in date order: when it was made, in which section.</summary>
    private static List<InzageEvent> Timeline(List<InzageSection> sections)
    {
        string[] preferred = ["SubmittedAt", "CreatedAt", "RecordedAt", "GrantedAt", "RequestedAt", "StartedAt", "OccurredAt",
            "ListedAt", "SavedAt", "At"];
        var events = new List<InzageEvent>();
        foreach (var section in sections.Where(s => s.Key is not ("leerling" or "ouders")))
        {
            foreach (var row in section.Rows)
            {
                var moment = preferred.Select(name => row.GetValueOrDefault(name)).OfType<DateTimeOffset>().Cast<DateTimeOffset?>().FirstOrDefault()
                             ?? row.Values.OfType<DateTimeOffset>().Cast<DateTimeOffset?>().FirstOrDefault()
                             ?? row.Values.OfType<DateOnly>().Select(d => (DateTimeOffset?)new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).FirstOrDefault();
                if (moment is { } at)
                {
                    events.Add(new InzageEvent(at, section.Label, Describe(row)));
                }
            }
        }

        return events.OrderBy(e => e.At).ToList();
    }

    private static string Describe(IReadOnlyDictionary<string, object?> row)
    {
        var parts = new List<string>();
        foreach (var key in new[] { "Category", "Status", "Kind", "Type", "Role", "Step", "Action", "AgencyName" })
        {
            if (row.GetValueOrDefault(key) is { } value)
            {
                parts.Add(value.ToString()!);
            }
        }

        var id = row.GetValueOrDefault("Id");
        return id is null ? string.Join(", ", parts) : $"nr. {id}{(parts.Count == 0 ? "" : " – " + string.Join(", ", parts))}";
    }

    public static string ActionText(AuditAction action) => action switch
    {
        AuditAction.Read => "bekeken",
        AuditAction.Create => "aangemaakt",
        AuditAction.Update => "gewijzigd",
        AuditAction.Export => "geëxporteerd",
        AuditAction.RetentionDeleted => "verwijderd na bewaartermijn",
        _ => action.ToString(),
    };

    /// <summary>How a stored value reads on the printable page.</summary>
    public static string Display(object? value, IReadOnlyDictionary<string, string> staffNames)
    {
        ArgumentNullException.ThrowIfNull(staffNames);
        return value switch
        {
            null => "—",
            string s when staffNames.TryGetValue(s, out var name) => name,
            string s => s.Length == 0 ? "—" : s,
            bool b => b ? "ja" : "nee",
            DateOnly d => Dutch.Date(d),
            DateTimeOffset m => Dutch.DateTime(m),
            int or long or Guid or Enum => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ => JsonSerializer.Serialize(value, value.GetType(), Json),
        };
    }
}
