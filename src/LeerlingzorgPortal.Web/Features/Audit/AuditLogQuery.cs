using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

// string.ToLower() inside the LINQ queries is translated to the database's LOWER(); culture overloads are not translatable.
#pragma warning disable CA1304, CA1311, CA1862

namespace LeerlingzorgPortal.Web.Features.Audit;

/// <summary>One line of the audit log as the viewer shows it.</summary>
public sealed record AuditRow(
    long Id,
    DateTimeOffset At,
    string UserId,
    string UserName,
    AuditAction Action,
    string SubjectType,
    string SubjectId,
    int? PupilId,
    string? PupilName,
    string? ClientAddress,
    string? Detail,
    string? Link,
    string? Pseudonym = null);

/// <summary>The audit viewer's rows: filtered in the database within <see cref="AuditReach"/>, newest first, 50 to a page.</summary>
public sealed class AuditLogQuery(PortalDbContext db, AuditReach reach, CareAccess careAccess)
{
    public const int PageSize = 50;

    /// <summary>The most lines one download holds; a longer export asks for a narrower filter.</summary>
    public const int ExportLimit = 50_000;

    public async Task<PagedList<AuditRow>> PageAsync(AuditFilter filter, int? page, CancellationToken cancellationToken = default)
    {
        var rows = await FilteredAsync(filter, cancellationToken);
        var total = await rows.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var entries = await DescribedAsync(Newest(rows).Skip((current - 1) * PageSize).Take(PageSize), withLinks: true, cancellationToken);
        return new PagedList<AuditRow>(await DescribeAsync(entries, withLinks: true, cancellationToken), current, PageSize, total);
    }

    /// <summary>Every filtered line (up to <see cref="ExportLimit"/>), for the download.</summary>
    public async Task<IReadOnlyList<AuditRow>> AllAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await FilteredAsync(filter, cancellationToken);
        var entries = await DescribedAsync(Newest(rows).Take(ExportLimit), withLinks: false, cancellationToken);
        return await DescribeAsync(entries, withLinks: false, cancellationToken);
    }

    /// <summary>The staff the reviewer can choose in the "who" filter.</summary>
    public async Task<IReadOnlyList<StaffOption>> StaffOptionsAsync(CancellationToken cancellationToken = default) =>
        await (await reach.StaffAsync(cancellationToken)).AsNoTracking()
            .OrderBy(s => s.DisplayName).ThenBy(s => s.Id)
            .Select(s => new StaffOption(s.Id, s.DisplayName))
            .ToListAsync(cancellationToken);

    /// <summary>The single pupil the filter narrows to (for the audit line of the viewing itself), if any.</summary>
    public async Task<int?> SinglePupilAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.PupilId is null && filter.Pupil is null)
        {
            return null;
        }

        var ids = await Matching(await reach.PupilsAsync(cancellationToken), filter).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>A named lookup the reviewer made themselves (ADR 0034): the pupil behind a pseudonym, with the reason given.</summary>
    public async Task<NamedLookup?> NamedLookupAsync(long lookupId, CancellationToken cancellationToken = default)
    {
        var me = (await reach.ScopeAsync(cancellationToken)).StaffMemberId;
        var subject = AuditAccess.NamedLookupSubject;
        return await (
                from a in db.AuditEntries.AsNoTracking()
                where a.Id == lookupId && a.UserId == me && a.SubjectType == subject && a.PupilId != null
                join p in db.Pupils on a.PupilId equals (int?)p.Id
                select new NamedLookup(a.Id, a.At, p.Id, new PersonName(p.Name.FirstName, p.Name.Prefix, p.Name.LastName).FullName, p.Number,
                    db.Locations.Where(l => l.Id == p.LocationId).Select(l => l.Name).FirstOrDefault() ?? string.Empty, a.Detail ?? string.Empty))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the pupil exists within the reviewer's reach (for a named lookup).</summary>
    public async Task<bool> PupilInReachAsync(int pupilId, CancellationToken cancellationToken = default) =>
        await (await reach.PupilsAsync(cancellationToken)).AnyAsync(p => p.Id == pupilId, cancellationToken);

    private async Task<IQueryable<AuditEntry>> FilteredAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await reach.RowsAsync(cancellationToken);
        if (filter.UserId is { } userId)
        {
            rows = rows.Where(a => a.UserId == userId);
        }

        if (filter.PupilId is not null || filter.Pupil is not null)
        {
            var pupils = Matching(await reach.PupilsAsync(cancellationToken), filter);
            rows = rows.Where(a => a.PupilId != null && pupils.Any(p => p.Id == a.PupilId));
        }

        if (filter.Start is { } start)
        {
            rows = rows.Where(a => a.At >= start);
        }

        if (filter.End is { } end)
        {
            rows = rows.Where(a => a.At < end);
        }

        if (filter.Action is { } action)
        {
            rows = rows.Where(a => a.Action == action);
        }

        return rows;
    }

    /// <summary>Pupils by id, or by pupil number (exact) or a part of the name (any case).</summary>
    private static IQueryable<Pupil> Matching(IQueryable<Pupil> pupils, AuditFilter filter)
    {
        if (filter.PupilId is int id)
        {
            pupils = pupils.Where(p => p.Id == id);
        }

        if (filter.Pupil is { } text)
        {
            // Every word must occur in the pupil number or a part of the name; lower-cased in the database.
            foreach (var term in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                pupils = pupils.Where(p => p.Number.ToLower().Contains(term)
                                           || p.Name.FirstName.ToLower().Contains(term)
                                           || p.Name.LastName.ToLower().Contains(term)
                                           || (p.Name.Prefix != null && p.Name.Prefix.ToLower().Contains(term)));
            }
        }

        return pupils;
    }

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> rows) =>
        rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);

    /// <summary>
    /// The lines with what the viewer shows next to them, in the same query: the user's name, the pupil's name and
    /// number, and (for the links) whether the reviewer may open the pupil's page.
    /// </summary>
    private async Task<List<DescribedEntry>> DescribedAsync(IQueryable<AuditEntry> lines, bool withLinks, CancellationToken cancellationToken)
    {
        var readablePupils = withLinks ? db.Pupils.Where(PupilAccess.ReadableBy(await reach.ScopeAsync(cancellationToken))) : db.Pupils.Where(_ => false);
        // Joined to the limited lines, and put in the viewer's order again (newest first).
        return await (
                from a in lines.AsNoTracking()
                join s in db.StaffMembers on a.UserId equals s.Id into users
                from s in users.DefaultIfEmpty()
                join p in db.Pupils on a.PupilId equals (int?)p.Id into pupils
                from p in pupils.DefaultIfEmpty()
                orderby a.At descending, a.Id descending
                select new DescribedEntry(a, s == null ? null : s.DisplayName, p == null ? null : p.Number, p == null ? null : p.Name.FirstName,
                    p == null ? null : p.Name.Prefix, p == null ? null : p.Name.LastName, readablePupils.Any(x => x.Id == a.PupilId),
                    p == null ? null : p.LocationId))
            .ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<AuditRow>> DescribeAsync(List<DescribedEntry> described, bool withLinks, CancellationToken cancellationToken)
    {
        var links = withLinks ? await LinksAsync(described, cancellationToken) : [];
        var scope = await reach.ScopeAsync(cancellationToken);
        return described.Select(d =>
            {
                var e = d.Entry;
                return new AuditRow(e.Id, e.At, e.UserId, d.UserName ?? "(onbekende gebruiker)", e.Action, e.SubjectType, e.SubjectId, e.PupilId,
                    e.PupilId is int p ? PupilText(scope, p, d) : null,
                    e.ClientAddress, e.Detail, links.GetValueOrDefault(e.Id), e.PupilId is int q && !Named(scope, d) ? AuditAccess.Pseudonym(q) : null);
            })
            .ToList();
    }

    /// <summary>By name only for a coordinator of the pupil's location; as a pseudonym for the privacy officer (ADR 0034).</summary>
    private static bool Named(StaffScope scope, DescribedEntry described) =>
        described.PupilLocationId is int location && AuditAccess.SeesPupilName(scope, location);

    private static string PupilText(StaffScope scope, int pupilId, DescribedEntry d)
    {
        if (!Named(scope, d))
        {
            return d.PupilNumber is null ? $"{AuditAccess.Pseudonym(pupilId)} (verwijderd)" : AuditAccess.Pseudonym(pupilId);
        }

        return $"{new PersonName(d.FirstName!, d.Prefix, d.LastName!).FullName} ({d.PupilNumber})";
    }

    /// <summary>
    /// A link to what the line is about, only where the record still exists and the reviewer may open it
    /// (the same need-to-know rules as the page itself; the admin opens no pupil pages).
    /// </summary>
    private async Task<Dictionary<long, string>> LinksAsync(List<DescribedEntry> described, CancellationToken cancellationToken)
    {
        var scope = await reach.ScopeAsync(cancellationToken);
        var links = new Dictionary<long, string>();
        var entries = described.Select(d => d.Entry).ToList();
        var readablePupils = described.Where(d => d.PupilReadable).Select(d => d.Entry.PupilId).OfType<int>().ToHashSet();
        var referralIds = entries.Where(e => e.SubjectType == "Referral").Select(e => Id(e.SubjectId)).OfType<int>().Distinct().ToList();
        var readableReferrals = referralIds.Count == 0
            ? []
            : (await db.Referrals.AsNoTracking().Where(await careAccess.ReadableAsync(cancellationToken))
                .Where(r => referralIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
        var admin = scope.Has(StaffRole.Admin);
        foreach (var entry in entries)
        {
            var link = entry.SubjectType switch
            {
                "Pupil" or "Timeline" or "AccommodationCard" when entry.PupilId is int p && readablePupils.Contains(p) =>
                    $"/Pupils/Details/{p.ToString(CultureInfo.InvariantCulture)}",
                "Referral" when Id(entry.SubjectId) is int r && readableReferrals.Contains(r) =>
                    $"/Referrals/Details/{r.ToString(CultureInfo.InvariantCulture)}",
                "StaffMember" when admin => $"/Admin/Users/Edit/{Uri.EscapeDataString(entry.SubjectId)}",
                _ => null,
            };
            if (link is not null)
            {
                links[entry.Id] = link;
            }
        }

        return links;
    }

    private static int? Id(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>The pupil behind a pseudonym, as a named lookup showed it to the reviewer who asked, with their reason.</summary>
public sealed record NamedLookup(long Id, DateTimeOffset At, int PupilId, string PupilName, string PupilNumber, string Location, string Reason)
{
    public string Pseudonym => AuditAccess.Pseudonym(PupilId);
}

/// <summary>An audit line with the names the viewer shows next to it, read in the same query.</summary>
internal sealed record DescribedEntry(AuditEntry Entry, string? UserName, string? PupilNumber, string? FirstName, string? Prefix, string? LastName,
    bool PupilReadable, int? PupilLocationId);
