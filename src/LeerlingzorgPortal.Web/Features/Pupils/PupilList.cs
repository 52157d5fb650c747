using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Pupils;

public sealed class PupilListFilter
{
    public const int SearchMaxLength = 100;

    public string? Search { get; set; }

    public int? LocationId { get; set; }

    public int? MentorGroupId { get; set; }

    public int? Page { get; set; }
}

public sealed record PupilRow(int Id, string Number, string SortName, DateOnly DateOfBirth, string Location,
    string? MentorGroup, DateOnly? LeftOn = null);

public sealed record PupilListPage(
    PupilListFilter Filter,
    PagedList<PupilRow> Pupils,
    IReadOnlyList<FilterOption> Locations,
    IReadOnlyList<FilterOption> MentorGroups);

/// <summary>The pupils a user may see, searched, filtered and a page at a time.</summary>
public sealed class PupilListQuery(PortalDbContext db)
{
    public const int PageSize = 25;

    public async Task<PupilListPage> HandleAsync(StaffScope scope, PupilListFilter filter,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var readable = db.Pupils.AsNoTracking().Where(PupilAccess.ReadableBy(scope));

        var locations = await db.Locations.AsNoTracking()
            .Where(l => readable.Any(p => p.LocationId == l.Id))
            .OrderBy(l => l.Name)
            .Select(l => new FilterOption(l.Id, l.Name))
            .ToListAsync(cancellationToken);
        var groups = await db.MentorGroups.AsNoTracking()
            .Where(g => readable.Any(p => p.MentorGroupId == g.Id))
            .Where(g => filter.LocationId == null || g.LocationId == filter.LocationId)
            .OrderBy(g => g.Name)
            .Select(g => new FilterOption(g.Id, g.Name + " (" + g.Location!.Code + ")"))
            .ToListAsync(cancellationToken);

        var query = readable;
        if (filter.LocationId is int locationId)
        {
            query = query.Where(p => p.LocationId == locationId);
        }

        if (filter.MentorGroupId is int groupId)
        {
            query = query.Where(p => p.MentorGroupId == groupId);
        }

        foreach (var term in Terms(filter.Search))
        {
            // Pupil.SearchText is stored lower-cased: one substring test per row (ADR 0027).
            query = query.Where(p => p.SearchText.Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var page = Paging.Clamp(filter.Page, total, PageSize);
        var rows = await query
            .OrderBy(p => p.Name.LastName).ThenBy(p => p.Name.FirstName).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new
            {
                p.Id,
                p.Number,
                p.Name.FirstName,
                p.Name.Prefix,
                p.Name.LastName,
                p.DateOfBirth,
                Location = p.Location!.Name,
                MentorGroup = p.MentorGroup == null ? null : p.MentorGroup.Name,
                p.LeftOn,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new PupilRow(r.Id, r.Number,
                r.Prefix is null ? $"{r.LastName}, {r.FirstName}" : $"{r.LastName}, {r.FirstName} {r.Prefix}",
                r.DateOfBirth, r.Location, r.MentorGroup, r.LeftOn))
            .ToList();

        filter.Page = page;
        return new PupilListPage(filter, new PagedList<PupilRow>(items, page, PageSize, total), locations, groups);
    }

    private static IEnumerable<string> Terms(string? search) =>
        Pupil.SearchTermOf((search ?? string.Empty).Trim())
        .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Take(5);
}
