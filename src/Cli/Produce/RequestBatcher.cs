using System.Text;
using System.Threading.Channels;

namespace GymCoach.Cli.Produce;

/// <summary>Reads the input line by line into requests: workouts gathered into batches, other events one request each.</summary>
internal sealed class RequestBatcher(int maxBatchWorkouts, int maxBatchBytes, ProduceTally tally)
{
    /// <summary>Writes every request to <paramref name="requests"/>, and completes it (with the error, if reading failed).</summary>
    public async Task ReadAsync(TextReader input, ChannelWriter<ProduceRequest> requests, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var batch = new List<ProduceLine>(maxBatchWorkouts);
            var batchBytes = 0;
            var number = 0;
            while (await input.ReadLineAsync(cancellationToken) is { } text)
            {
                number++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var line = LineClassifier.Classify(number, text, out var error);
                if (error is not null)
                {
                    tally.Reject(number, error);
                    continue;
                }

                if (line.Kind != LineKind.Workout)
                {
                    await requests.WriteAsync(ProduceRequest.Single(line), cancellationToken);
                    continue;
                }

                var bytes = Encoding.UTF8.GetByteCount(line.Json) + 1;
                if (batch.Count > 0 && (batch.Count == maxBatchWorkouts || batchBytes + bytes > maxBatchBytes))
                {
                    await requests.WriteAsync(ProduceRequest.Batch([.. batch]), cancellationToken);
                    batch.Clear();
                    batchBytes = 0;
                }

                batch.Add(line);
                batchBytes += bytes;
            }

            if (batch.Count > 0)
            {
                await requests.WriteAsync(ProduceRequest.Batch([.. batch]), cancellationToken);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            requests.TryComplete(failure);
        }
    }
}
