using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Protocols;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Protocols;

public sealed record ProtocolRow(
    int Id,
    ProtocolTopic Topic,
    string Title,
    string Owner,
    int Number,
    DateTimeOffset SavedAt,
    DateOnly ReviewOn,
    bool IsActive,
    bool IsReviewOverdue);

public sealed record ProtocolVersionRow(int Number, string Title, string Author, string? ChangeNote, DateTimeOffset SavedAt);

/// <summary>One protocol with the version being read (the current one, or an older one from the history).</summary>
public sealed record ProtocolPage(
    int Id,
    ProtocolTopic Topic,
    string OwnerId,
    string Owner,
    DateOnly ReviewOn,
    bool IsActive,
    bool IsReviewOverdue,
    Guid ConcurrencyToken,
    ProtocolVersionRow Shown,
    string ShownBody,
    string Html,
    int CurrentNumber,
    IReadOnlyList<ProtocolVersionRow> History,
    bool MayMaintain,
    DateOnly Today)
{
    public bool IsOldVersion => Shown.Number != CurrentNumber;
}

/// <summary>The current protocol on a topic, for the links from other screens.</summary>
public sealed record ProtocolLink(int Id, string Title);

/// <summary>
/// Reading protocols. They are not pupil data: every signed-in staff member reads the active ones;
/// only the maintainers (coordinator, care workers b and c) also see the inactive ones.
/// </summary>
public sealed class ProtocolQueries(PortalDbContext db, MarkdownRenderer markdown, TimeProvider clock)
{
    public const int PageSize = 25;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PagedList<ProtocolRow>> ListAsync(bool mayMaintain, int? page, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var query = db.Protocols.AsNoTracking().Where(p => mayMaintain || p.IsActive);
        var total = await query.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var rows = await query
            .OrderByDescending(p => p.IsActive)
            .ThenBy(p => p.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First())
            .ThenBy(p => p.Id)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id,
                p.Topic,
                p.ReviewOn,
                p.IsActive,
                Owner = db.StaffMembers.Where(s => s.Id == p.OwnerId).Select(s => s.DisplayName).FirstOrDefault(),
                Current = p.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Number, v.Title, v.SavedAt }).First(),
            })
            .ToListAsync(cancellationToken);
        var items = rows
            .Select(r => new ProtocolRow(r.Id, r.Topic, r.Current.Title, r.Owner ?? "–", r.Current.Number, r.Current.SavedAt, r.ReviewOn,
                r.IsActive, r.IsActive && r.ReviewOn < today))
            .ToList();
        return new PagedList<ProtocolRow>(items, current, PageSize, total);
    }

    /// <summary>The protocol with one of its versions rendered; null when it does not exist or the user may not read it.</summary>
    public async Task<ProtocolPage?> PageAsync(int id, int? number, bool mayMaintain, CancellationToken cancellationToken = default)
    {
        var protocol = await db.Protocols.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (protocol is null || (!protocol.IsActive && !mayMaintain))
        {
            return null;
        }

        var shown = number is null ? protocol.Current : protocol.Versions.FirstOrDefault(v => v.Number == number);
        if (shown is null)
        {
            return null;
        }

        var names = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Id == protocol.OwnerId || protocol.Versions.Select(v => v.AuthorId).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        ProtocolVersionRow Row(ProtocolVersion v) =>
            new(v.Number, v.Title, names.GetValueOrDefault(v.AuthorId, "–"), v.ChangeNote, v.SavedAt);

        var today = Today;
        return new ProtocolPage(protocol.Id, protocol.Topic, protocol.OwnerId, names.GetValueOrDefault(protocol.OwnerId, "–"), protocol.ReviewOn,
            protocol.IsActive, protocol.IsReviewOverdue(today), protocol.Version, Row(shown), shown.Body, markdown.ToHtml(shown.Body),
            protocol.Current.Number, protocol.Versions.OrderByDescending(v => v.Number).Select(Row).ToList(), mayMaintain, today);
    }

    /// <summary>The active protocol on a named topic (the newest when, against the rule, there are several).</summary>
    public async Task<ProtocolLink?> CurrentOnAsync(ProtocolTopic topic, CancellationToken cancellationToken = default) =>
        await db.Protocols.AsNoTracking()
            .Where(p => p.IsActive && p.Topic == topic)
            .OrderByDescending(p => p.Id)
            .Select(p => new ProtocolLink(p.Id, p.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First()))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Who can own a protocol: active coordinators and care workers b and c.</summary>
    public Task<List<StaffOption>> PossibleOwnersAsync(CancellationToken cancellationToken = default)
    {
        string[] roles = [nameof(StaffRole.Coordinator), nameof(StaffRole.CareWorkerB), nameof(StaffRole.CareWorkerC)];
        return db.StaffMembers.AsNoTracking()
            .Where(s => s.IsActive && db.UserRoles.Any(ur => ur.UserId == s.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .OrderBy(s => s.DisplayName)
            .Select(s => new StaffOption(s.Id, s.DisplayName))
            .ToListAsync(cancellationToken);
    }
}
