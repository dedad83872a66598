using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// A unit's reach: the unit and all its sub-units. Every write a unit makes for a person (upload, fix, resubmit, API)
/// and every read of a person's data by a unit is limited to the people whose unit is in this set.
/// </summary>
public static class UnitTree
{
    /// <summary>Ids of the unit and of every unit below it.</summary>
    public static async Task<HashSet<long>> IdsAsync(PlatformDbContext db, long unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = new HashSet<long> { unitId };
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var u in units)
            {
                if (u.ParentId is { } parent && ids.Contains(parent) && ids.Add(u.Id))
                {
                    changed = true;
                }
            }
        }

        return ids;
    }

    /// <summary>Whether the unit or a unit above it is closed (注销).</summary>
    public static async Task<bool> IsClosedAsync(PlatformDbContext db, long unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Closed })
            .ToDictionaryAsync(u => u.Id, cancellationToken).ConfigureAwait(false);
        for (long? id = unitId; id is { } current && units.TryGetValue(current, out var unit); id = unit.ParentId)
        {
            if (unit.Closed)
            {
                return true;
            }
        }

        return false;
    }
}
