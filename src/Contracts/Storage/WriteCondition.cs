namespace GymCoach.Contracts.Storage;

/// <summary>When a write may replace what is stored.</summary>
public enum WriteCondition
{
    /// <summary>Always write (idempotent overwrite).</summary>
    None,

    /// <summary>Write only if no item has the key (<c>attribute_not_exists</c>).</summary>
    IfNotExists,

    /// <summary>Write only if no item has the key or the stored item's version is lower than the new one.</summary>
    IfNewerVersion,
}
