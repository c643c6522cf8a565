using GymCoach.Contracts.Queueing;

namespace GymCoach.TestSupport.Queueing;

/// <summary>
/// Fails chosen entries the way SQS does, and sends the others to the real queue: an entry can fail transiently a
/// number of times (as with SQS's InternalError), or be refused as a sender fault; or every call can throw.
/// </summary>
public sealed class FailingQueue(IMessageQueue inner) : ForwardingQueue(inner)
{
    private readonly Dictionary<string, int> _transientFailures = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
    private readonly List<string[]> _calls = [];

    /// <summary>Every call throws, as when the endpoint is unreachable.</summary>
    public bool Unreachable { get; init; }

    /// <summary>The bodies of each call, in call order.</summary>
    public IReadOnlyList<string[]> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public FailingQueue FailTransiently(string body, int times = 1)
    {
        _transientFailures[body] = times;
        return this;
    }

    public FailingQueue Refuse(string body)
    {
        _refused.Add(body);
        return this;
    }

    public override async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new SendOutcome[messages.Count];
        var forwarded = new List<int>();
        lock (_calls)
        {
            _calls.Add([.. messages.Select(message => message.Body)]);
            if (Unreachable)
            {
                throw new HttpRequestException("Connection refused (injected).");
            }

            for (var i = 0; i < messages.Count; i++)
            {
                var body = messages[i].Body;
                if (_refused.Contains(body))
                {
                    outcomes[i] = new SendOutcome(null, "InvalidMessageContents: refused (injected).", SenderFault: true);
                }
                else if (_transientFailures.TryGetValue(body, out var remaining) && remaining > 0)
                {
                    _transientFailures[body] = remaining - 1;
                    outcomes[i] = new SendOutcome(null, "InternalError: try again (injected).");
                }
                else
                {
                    forwarded.Add(i);
                }
            }
        }

        if (forwarded.Count > 0)
        {
            var results = await Inner.SendBatchAsync([.. forwarded.Select(i => messages[i])], cancellationToken);
            for (var j = 0; j < forwarded.Count; j++)
            {
                outcomes[forwarded[j]] = results[j];
            }
        }

        return outcomes;
    }
}
