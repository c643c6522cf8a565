using Serilog.Core;
using Serilog.Events;

namespace GymCoach.Workers.Logging;

/// <summary>Passes each event on with sensitive properties, members and text replaced by <c>[redacted]</c>.</summary>
/// <remarks>
/// A sink rather than an enricher: it sees the event after every enricher, <c>ForContext</c> and <c>LogContext</c>
/// property was added, so nothing added late slips past. Destructured objects and dictionaries are walked; strings
/// and exception text are scrubbed (<see cref="SensitiveData.Scrub"/>).
/// </remarks>
internal sealed class RedactingSink(ILogEventSink inner) : ILogEventSink
{
    private static readonly ScalarValue RedactedValue = new(SensitiveData.Redacted);

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var properties = new List<LogEventProperty>(logEvent.Properties.Count);
        foreach (var (name, value) in logEvent.Properties)
        {
            properties.Add(new LogEventProperty(name, SensitiveData.IsSensitiveName(name) ? RedactedValue : Redact(value)));
        }

        inner.Emit(new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            ScrubbedException.Wrap(logEvent.Exception),
            logEvent.MessageTemplate,
            properties,
            logEvent.TraceId ?? default,
            logEvent.SpanId ?? default));
    }

    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => SensitiveData.Scrub(text) is var scrubbed && !ReferenceEquals(scrubbed, text)
            ? new ScalarValue(scrubbed)
            : value,
        StructureValue structure => new StructureValue(
            structure.Properties.Select(p => new LogEventProperty(p.Name, SensitiveData.IsSensitiveName(p.Name) ? RedactedValue : Redact(p.Value))),
            structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
            e.Key,
            e.Key.Value is string key && SensitiveData.IsSensitiveName(key) ? RedactedValue : Redact(e.Value)))),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Redact)),
        _ => value,
    };
}
