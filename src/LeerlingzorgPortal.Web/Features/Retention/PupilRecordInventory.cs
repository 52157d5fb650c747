using System.Reflection;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Notifications;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Domain.Retention;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Retention;

/// <summary>What retention does with the records of one inventory entry.</summary>
public enum RecordTreatment
{
    /// <summary>The rows are deleted.</summary>
    Deleted,

    /// <summary>The free text is removed; the row stays (without content) because the reports count it.</summary>
    TextRemoved,

    /// <summary>The row stays as it is (no content about the pupil, or the append-only audit log).</summary>
    Kept,

    /// <summary>The pupil record itself: anonymised once every kind is done.</summary>
    Anonymised,
}

/// <summary>
/// Which of a pupil's records one question is about: the pupil, and a kind of data (null: all of it,
/// for inzage). The pupil's referrals of that kind are looked up once.
/// </summary>
public sealed class InventoryScope
{
    private InventoryScope(int pupilId, RetentionKind? kind, int[] referralIds)
    {
        PupilId = pupilId;
        Kind = kind;
        ReferralIds = referralIds;
    }

    public int PupilId { get; }

    public RetentionKind? Kind { get; }

    /// <summary>The pupil's referrals (and cases) that belong to the kind.</summary>
    public int[] ReferralIds { get; }

    /// <summary>Records about the pupil that hang on no referral belong to the care dossier.</summary>
    public bool PupilLevel => Kind is null or RetentionKind.CareDossier;

    /// <summary>Links of notifications that point at the pupil's records.</summary>
    public string[] NotificationLinks =>
    [
        .. ReferralIds.Select(Cases.ReferralMessages.Link),
        .. PupilLevel ? new[] { $"/Pupils/Details/{PupilId}" } : [],
    ];

    public static async Task<InventoryScope> ForAsync(PortalDbContext db, int pupilId, RetentionKind? kind,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var referrals = db.Referrals.Where(r => r.PupilId == pupilId);
        referrals = kind switch
        {
            null => referrals,
            RetentionKind.Absence => referrals.Where(r => r.Category == ReferralCategory.Absence),
            RetentionKind.CareDossier => referrals.Where(r => r.Category != ReferralCategory.Absence),
            _ => referrals.Where(r => false),
        };
        return new InventoryScope(pupilId, kind, await referrals.Select(r => r.Id).ToArrayAsync(cancellationToken));
    }
}

/// <summary>One kind of record in the inventory: how to find a pupil's rows, and what retention does with them.</summary>
public abstract class InventoryEntry(string key, string label, Type entityType, RecordTreatment treatment)
{
    public string Key { get; } = key;

    /// <summary>The Dutch name shown on the review and inzage pages.</summary>
    public string Label { get; } = label;

    public Type EntityType { get; } = entityType;

    public RecordTreatment Treatment { get; } = treatment;

    public abstract Task<int> CountAsync(PortalDbContext db, InventoryScope scope, CancellationToken cancellationToken);

    /// <summary>Every stored column of every row, for the inzage export.</summary>
    public abstract Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ExportAsync(PortalDbContext db,
        InventoryScope scope, CancellationToken cancellationToken);

    /// <summary>Deletes the rows or removes their text; returns the number of rows touched.</summary>
    public abstract Task<int> RemoveAsync(PortalDbContext db, InventoryScope scope, CancellationToken cancellationToken);
}

internal sealed class InventoryEntry<T>(
    string key,
    string label,
    RecordTreatment treatment,
    Func<PortalDbContext, InventoryScope, IQueryable<T>> query,
    Func<IQueryable<T>, CancellationToken, Task<int>>? remove = null)
    : InventoryEntry(key, label, typeof(T), treatment)
    where T : class
{
    public override Task<int> CountAsync(PortalDbContext db, InventoryScope scope, CancellationToken cancellationToken) =>
        query(db, scope).CountAsync(cancellationToken);

    public override async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ExportAsync(PortalDbContext db,
        InventoryScope scope, CancellationToken cancellationToken)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var rows = await query(db, scope).AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(row => ToRow(type, row)).ToList();
    }

    public override Task<int> RemoveAsync(PortalDbContext db, InventoryScope scope, CancellationToken cancellationToken) =>
        remove is null ? Task.FromResult(0) : remove(query(db, scope), cancellationToken);

    private static Dictionary<string, object?> ToRow(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, T entity)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties().Where(p => !p.IsShadowProperty() && !p.IsConcurrencyToken))
        {
            row[property.Name] = Read(property.PropertyInfo, property.FieldInfo, entity);
        }

        foreach (var complex in type.GetComplexProperties())
        {
            row[complex.Name] = Read(complex.PropertyInfo, complex.FieldInfo, entity)?.ToString();
        }

        return row;
    }

    private static object? Read(PropertyInfo? property, FieldInfo? field, T entity) =>
        property is not null ? property.GetValue(entity) : field?.GetValue(entity);
}

/// <summary>
/// Everything the portal keeps about one pupil, in one list: retention (what is removed per kind)
/// and inzage (what is exported) both walk it, so they cannot drift apart. A test fails when the
/// model gains a table with a pupil or referral link that is not listed here. The order is the
/// order of removal (children before their parents).
/// </summary>
public static class PupilRecordInventory
{
    /// <summary>Tables with pupil data that are not per pupil, and why they are not in the list.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotPerPupil = new Dictionary<Type, string>
    {
        [typeof(LeerlingzorgPortal.Data.ImportUpload)] = "Importbestanden van de leerlingadministratie bevatten alle leerlingen van een import; ze horen bij de import, niet bij één leerling.",
    };

    public static readonly IReadOnlyList<InventoryEntry> Entries =
    [
        new InventoryEntry<Notification>("meldingen", "Meldingen over de leerling", RecordTreatment.Deleted,
            (db, s) => db.Notifications.Where(n => s.NotificationLinks.Contains(n.Link)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<ActionItem>("acties", "Actiepunten", RecordTreatment.Deleted,
            (db, s) => db.ActionItems.Where(i => s.ReferralIds.Contains(i.ReferralId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<ContactNote>("gespreksverslagen", "Gespreksverslagen (ook vertrouwelijke)", RecordTreatment.Deleted,
            (db, s) => db.ContactNotes.Where(n => s.ReferralIds.Contains(n.ReferralId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<PlanVersion>("opp-versies", "Versies van OPP's en plannen", RecordTreatment.Deleted,
            (db, s) => db.Set<PlanVersion>().Where(v => PlanIds(db, s).Contains(v.CarePlanId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<PlanEvaluation>("opp-evaluaties", "Evaluaties van OPP's en plannen", RecordTreatment.Deleted,
            (db, s) => db.Set<PlanEvaluation>().Where(v => PlanIds(db, s).Contains(v.CarePlanId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<MeasureEvaluation>("opp-maatregelen", "Evaluaties van maatregelen", RecordTreatment.Deleted,
            (db, s) => db.Set<MeasureEvaluation>().Where(v => PlanIds(db, s).Contains(v.CarePlanId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<PlanConsent>("opp-instemming", "Instemming met OPP's", RecordTreatment.Deleted,
            (db, s) => db.Set<PlanConsent>().Where(v => PlanIds(db, s).Contains(v.CarePlanId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<CarePlan>("opp", "OPP's en handelingsplannen", RecordTreatment.Deleted,
            (db, s) => db.CarePlans.Where(p => p.PupilId == s.PupilId && s.ReferralIds.Contains(p.ReferralId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<MeldcodeEntry>("meldcode-stappen", "Stappen van meldcodetrajecten", RecordTreatment.Deleted,
            (db, s) => db.Set<MeldcodeEntry>().Where(e => TrackIds(db, s).Contains(e.TrackId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<MeldcodeMember>("meldcode-leden", "Betrokkenen bij meldcodetrajecten", RecordTreatment.Deleted,
            (db, s) => db.Set<MeldcodeMember>().Where(m => TrackIds(db, s).Contains(m.TrackId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<MeldcodeTrack>("meldcode", "Meldcodetrajecten", RecordTreatment.Deleted,
            (db, s) => db.MeldcodeTracks.Where(t => s.ReferralIds.Contains(t.ReferralId)),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<Handover>("warme-overdracht", "Warme overdracht", RecordTreatment.Deleted,
            (db, s) => db.Handovers.Where(h => s.PupilLevel && h.PupilId == s.PupilId),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<PupilConsent>("toestemmingen", "Toestemmingen voor overleg met externen", RecordTreatment.Deleted,
            (db, s) => db.PupilConsents.Where(c => s.PupilLevel && c.PupilId == s.PupilId),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<IncidentParticipant>("incident-betrokkenheid", "Betrokkenheid bij incidenten", RecordTreatment.Deleted,
            (db, s) => db.Set<IncidentParticipant>().Where(p => s.PupilLevel && p.PupilId == s.PupilId),
            (q, ct) => q.ExecuteDeleteAsync(ct)),
        new InventoryEntry<Incident>("incidenten", "Incidenten waarbij de leerling betrokken was", RecordTreatment.Kept,
            (db, s) => db.Incidents.Where(i => s.PupilLevel && i.Involved.Any(p => p.PupilId == s.PupilId))),
        new InventoryEntry<AgendaItem>("bespreekpunten", "Bespreekpunten en verslagen in overleggen", RecordTreatment.TextRemoved,
            (db, s) => db.Set<AgendaItem>().Where(a => a.PupilId == s.PupilId && s.ReferralIds.Contains(a.ReferralId)),
            (q, ct) => q.ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Question, (string?)null)
                .SetProperty(a => a.Discussion, (string?)null)
                .SetProperty(a => a.Decisions, (string?)null), ct)),
        new InventoryEntry<ExternalReferral>("doorverwijzingen", "Doorverwijzingen naar externe instanties", RecordTreatment.TextRemoved,
            (db, s) => s.Kind switch
            {
                null => db.ExternalReferrals.Where(r => r.PupilId == s.PupilId),
                RetentionKind.SpecialEducation => db.ExternalReferrals.Where(r => r.PupilId == s.PupilId
                    && r.AgencyKind == PartnerKind.Samenwerkingsverband),
                _ => db.ExternalReferrals.Where(r => s.ReferralIds.Contains(r.ReferralId)
                    && r.AgencyKind != PartnerKind.Samenwerkingsverband),
            },
            (q, ct) => q.ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Reason, string.Empty)
                .SetProperty(r => r.SharedInformation, string.Empty)
                .SetProperty(r => r.ConsentBy, string.Empty)
                .SetProperty(r => r.Feedback, (string?)null), ct)),
        new InventoryEntry<Enrolment>("interventies", "Deelname aan interventies", RecordTreatment.TextRemoved,
            (db, s) => db.Enrolments.Where(e => e.PupilId == s.PupilId
                && ((s.PupilLevel && e.ReferralId == null) || (e.ReferralId != null && s.ReferralIds.Contains(e.ReferralId.Value)))),
            (q, ct) => q.ExecuteUpdateAsync(u => u.SetProperty(e => e.Outcome, (string?)null), ct)),
        new InventoryEntry<Accommodation>("faciliteiten", "Faciliteiten (zoals extra tijd)", RecordTreatment.TextRemoved,
            (db, s) => db.Accommodations.Where(a => s.PupilLevel && a.PupilId == s.PupilId),
            (q, ct) => q.ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Detail, (string?)null)
                .SetProperty(a => a.Ground, string.Empty), ct)),
        new InventoryEntry<ReferralTransition>("statuswijzigingen", "Statuswijzigingen van aanmeldingen", RecordTreatment.Kept,
            (db, s) => db.Set<ReferralTransition>().Where(t => s.ReferralIds.Contains(t.ReferralId))),
        new InventoryEntry<Referral>("aanmeldingen", "Aanmeldingen en zorgtrajecten", RecordTreatment.TextRemoved,
            (db, s) => db.Referrals.Where(r => s.ReferralIds.Contains(r.Id)),
            (q, ct) => q.ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Question, (string?)null)
                .SetProperty(r => r.AlreadyTried, (string?)null)
                .SetProperty(r => r.EndNote, (string?)null)
                .SetProperty(r => r.ReferredOutTo, (string?)null), ct)),
        new InventoryEntry<Guardian>("ouders", "Ouders / verzorgers", RecordTreatment.Anonymised,
            (db, s) => db.Guardians.Where(g => s.PupilLevel && g.PupilId == s.PupilId)),
        new InventoryEntry<Pupil>("leerling", "Leerlinggegevens", RecordTreatment.Anonymised,
            (db, s) => db.Pupils.Where(p => s.PupilLevel && p.Id == s.PupilId)),
        new InventoryEntry<RetentionReview>("bewaartermijnen", "Beoordelingen van bewaartermijnen", RecordTreatment.Kept,
            (db, s) => db.RetentionReviews.Where(r => s.PupilLevel && r.PupilId == s.PupilId)),
        new InventoryEntry<AuditEntry>("logboek", "Logboek (wie de gegevens bekeek of wijzigde)", RecordTreatment.Kept,
            (db, s) => db.AuditEntries.Where(a => s.PupilLevel && a.PupilId == s.PupilId)),
    ];

    /// <summary>The audit log is shown as the list of viewers, not as records.</summary>
    public const string AuditKey = "logboek";

    public static IReadOnlySet<Type> CoveredTypes { get; } = Entries.Select(e => e.EntityType).ToHashSet();

    public static async Task<IReadOnlyList<(InventoryEntry Entry, int Count)>> CountAsync(PortalDbContext db,
        InventoryScope scope, CancellationToken cancellationToken = default)
    {
        var counts = new List<(InventoryEntry, int)>();
        foreach (var entry in Entries)
        {
            counts.Add((entry, await entry.CountAsync(db, scope, cancellationToken)));
        }

        return counts;
    }

    private static IQueryable<int> PlanIds(PortalDbContext db, InventoryScope scope) =>
        db.CarePlans.Where(p => p.PupilId == scope.PupilId && scope.ReferralIds.Contains(p.ReferralId)).Select(p => p.Id);

    private static IQueryable<int> TrackIds(PortalDbContext db, InventoryScope scope) =>
        db.MeldcodeTracks.Where(t => scope.ReferralIds.Contains(t.ReferralId)).Select(t => t.Id);
}
