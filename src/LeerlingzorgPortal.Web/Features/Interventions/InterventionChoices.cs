using LeerlingzorgPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Interventions;

public sealed record InterventionChoice(int Id, string Name, string Provider, bool IsActive);

/// <summary>
/// The catalogue as other features use it: care-plan measures choose from the interventions in use
/// (and keep one that was chosen before it was taken out of use), and plans show their names.
/// </summary>
public sealed class InterventionChoicesQuery(PortalDbContext db)
{
    public async Task<IReadOnlyList<InterventionChoice>> ForFormAsync(IEnumerable<int?> chosen, CancellationToken cancellationToken = default)
    {
        var ids = chosen.OfType<int>().Distinct().ToList();
        return await db.Interventions.AsNoTracking().Where(i => i.IsActive || ids.Contains(i.Id)).OrderBy(i => i.Name)
            .Select(i => new InterventionChoice(i.Id, i.Name, i.Provider, i.IsActive)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, InterventionChoice>> ByIdAsync(IEnumerable<int?> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<int, InterventionChoice>()
            : await db.Interventions.AsNoTracking().Where(i => wanted.Contains(i.Id))
                .Select(i => new InterventionChoice(i.Id, i.Name, i.Provider, i.IsActive)).ToDictionaryAsync(i => i.Id, cancellationToken);
    }
}
