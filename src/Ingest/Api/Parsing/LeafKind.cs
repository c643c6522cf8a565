namespace GymCoach.Ingest.Api.Parsing;

/// <summary>The kinds of single values the contracts hold, each with its own check and message.</summary>
internal enum LeafKind
{
    Other,
    String,
    Integer,
    Decimal,
    Boolean,
    Timestamp,
    Enum,
}
