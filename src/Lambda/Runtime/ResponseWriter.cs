using System.Buffers;
using System.Text.Json;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Lambda.Runtime;

/// <summary>Serializes batch responses into one reused buffer, so answering an invocation allocates no new one.</summary>
internal sealed class ResponseWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;

    public ResponseWriter()
    {
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>The response as UTF-8 JSON, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Write(SqsBatchResponse response)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, response, LambdaJsonContext.Default.SqsBatchResponse);
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _writer.Dispose();
}
