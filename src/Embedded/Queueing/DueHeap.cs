namespace GymCoach.Embedded.Queueing;

/// <summary>A binary min-heap of messages by <see cref="QueuedMessage.DueTicks"/> that knows each message's slot.</summary>
/// <remarks>
/// Tracking the slot lets a delete or visibility change remove or move a message in O(log n) instead of leaving a
/// stale entry behind, so the heap holds exactly the delayed and in-flight messages and its minimum is the next
/// moment anything becomes visible.
/// </remarks>
internal sealed class DueHeap
{
    private QueuedMessage[] _items = new QueuedMessage[64];

    public int Count { get; private set; }

    public QueuedMessage? Min => Count > 0 ? _items[0] : null;

    public void Push(QueuedMessage message)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count] = message;
        message.HeapIndex = Count;
        Count++;
        SiftUp(Count - 1);
    }

    public QueuedMessage Pop()
    {
        var min = _items[0];
        RemoveAt(0);
        return min;
    }

    public void Remove(QueuedMessage message)
    {
        if (message.HeapIndex >= 0)
        {
            RemoveAt(message.HeapIndex);
        }
    }

    /// <summary>Restores heap order after <paramref name="message"/>'s due time changed.</summary>
    public void Update(QueuedMessage message)
    {
        SiftUp(message.HeapIndex);
        SiftDown(message.HeapIndex);
    }

    private void RemoveAt(int index)
    {
        var removed = _items[index];
        removed.HeapIndex = -1;
        Count--;
        if (index != Count)
        {
            Place(_items[Count], index);
            _items[Count] = null!;
            SiftDown(index);
            SiftUp(_items[index].HeapIndex);
        }
        else
        {
            _items[Count] = null!;
        }
    }

    private void SiftUp(int index)
    {
        var item = _items[index];
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (_items[parent].DueTicks <= item.DueTicks)
            {
                break;
            }

            Place(_items[parent], index);
            index = parent;
        }

        Place(item, index);
    }

    private void SiftDown(int index)
    {
        var item = _items[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _items[child + 1].DueTicks < _items[child].DueTicks)
            {
                child++;
            }

            if (item.DueTicks <= _items[child].DueTicks)
            {
                break;
            }

            Place(_items[child], index);
            index = child;
        }

        Place(item, index);
    }

    private void Place(QueuedMessage message, int index)
    {
        _items[index] = message;
        message.HeapIndex = index;
    }
}
