using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

// Case-insensitive search uses ToLower inside queries: EF translates it to SQL lower(), where .NET
// culture settings do not apply.
#pragma warning disable CA1304, CA1311, CA1862

namespace LeerlingzorgPortal.Web.Features.Agencies;

public sealed record AgencyFilter(string? Search, PartnerKind? Kind, string? Region, bool All);

public sealed record AgencyLine(int Id, string Name, PartnerKind Kind, string? Region, string? Phone, string? Offer, bool IsActive);

public sealed record AgencyListPage(AgencyFilter Filter, IReadOnlyList<string> Regions, PagedList<AgencyLine> Agencies);

/// <summary>The sociale kaart: every member of staff searches it by name or offer, kind and region.</summary>
public sealed class AgencyListQuery(PortalDbContext db)
{
    public const int PageSize = 20;

    public async Task<AgencyListPage> HandleAsync(AgencyFilter filter, int? page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.ExternalOrganisations.AsNoTracking();
        if (!filter.All)
        {
            query = query.Where(o => o.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
            query = query.Where(o => o.Name.ToLower().Contains(term) || (o.Offer != null && o.Offer.ToLower().Contains(term)));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            query = query.Where(o => o.Region == filter.Region);
        }

        var total = await query.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var lines = await query.OrderBy(o => o.Name).Skip((current - 1) * PageSize).Take(PageSize)
            .Select(o => new AgencyLine(o.Id, o.Name, o.Kind, o.Region, o.Phone, o.Offer, o.IsActive))
            .ToListAsync(cancellationToken);
        var regions = await db.ExternalOrganisations.AsNoTracking().Where(o => o.Region != null).Select(o => o.Region!).Distinct()
            .OrderBy(r => r).ToListAsync(cancellationToken);
        return new AgencyListPage(filter, regions, new PagedList<AgencyLine>(lines, current, PageSize, total));
    }
}

/// <summary>An agency to choose on the external-referral form, with a link to how to refer.</summary>
public sealed record AgencyOption(int Id, string Name, PartnerKind Kind, bool HasHowToRefer);

public sealed class AgencyOptionsQuery(PortalDbContext db)
{
    public async Task<IReadOnlyList<AgencyOption>> HandleAsync(CancellationToken cancellationToken = default) =>
        await db.ExternalOrganisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new AgencyOption(o.Id, o.Name, o.Kind, o.HowToRefer != null))
            .ToListAsync(cancellationToken);
}
