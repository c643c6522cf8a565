using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GymCoach.Lambda.Runtime;

/// <summary>Serializes invocation responses into one reused buffer, so answering an invocation allocates no new one.</summary>
/// <remarks>One writer per runtime loop: invocations never overlap, and each response is posted before the next is written.</remarks>
public sealed class JsonResponseWriter<T>(JsonTypeInfo<T> typeInfo) : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter? _writer;

    /// <summary>The response as UTF-8 JSON, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Write(T response)
    {
        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer);
        }
        else
        {
            _writer.Reset();
        }

        JsonSerializer.Serialize(_writer, response, typeInfo);
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _writer?.Dispose();
}
