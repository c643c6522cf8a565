using System.Diagnostics.CodeAnalysis;
using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Caching;

/// <summary>Exercise lookups through a cache of static data living <see cref="CacheOptions.StaticDataTtl"/>.</summary>
/// <remarks>
/// The library is built in today; the cache is the seam for when exercise definitions come from the store. Unknown
/// (custom) ids are not cached, so each lookup of one is a miss.
/// </remarks>
public sealed class ExerciseCache
{
    private readonly TtlCache<ExerciseDefinition> _entries;

    public ExerciseCache(CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _entries = new TtlCache<ExerciseDefinition>(options.StaticDataTtl, options.Capacity, options.Policy);
    }

    public long Hits => _entries.Hits;

    public long Misses => _entries.Misses;

    public int Count => _entries.Count;

    public bool TryGet(string exerciseId, [NotNullWhen(true)] out ExerciseDefinition? entry)
    {
        if (_entries.TryGet(exerciseId, out entry))
        {
            return true;
        }

        if (ExerciseLibrary.TryGet(exerciseId, out entry))
        {
            entry = _entries.GetOrAdd(exerciseId, entry);
            return true;
        }

        return false;
    }
}
