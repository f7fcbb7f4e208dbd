namespace GrokFactsBot.Core.Watch;

/// <summary>A place releases appear (Hugging Face, models.dev), polled by a <see cref="WatchService"/>.</summary>
public interface IReleaseWatcher
{
    /// <summary>For logs ("Hugging Face").</summary>
    string Name { get; }

    /// <summary>For metrics tags ("huggingface").</summary>
    string Key { get; }

    TimeSpan Interval { get; }

    /// <summary>One poll of every feed; never throws for anything the remote side does.</summary>
    Task<PollReport> PollAsync(CancellationToken cancellationToken);
}

/// <summary>What one poll did and cost: the one log line, and the figures /metrics counts.</summary>
public sealed record PollReport(
    string Watcher,
    int Feeds,
    int Unchanged,
    int Requests,
    long Bytes,
    IReadOnlyList<string> Found,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Notes,
    TimeSpan Took,
    DateTimeOffset? NotBefore = null
)
{
    public string Outcome =>
        Problems.Count == 0 ? "ok"
        : Requests > 0 && Problems.Count < Math.Max(Feeds, 1) ? "partial"
        : "failed";

    public string Line =>
        $"{Watcher} poll {Outcome}: {Feeds} feed(s), {Unchanged} unchanged, {Requests} request(s), "
        + $"{Bytes / 1024.0:0.#} kB, {Took.TotalMilliseconds:0} ms; "
        + (Found.Count == 0 ? "nothing new" : $"new: {string.Join("; ", Found)}")
        + (Notes.Count == 0 ? "" : $"; {string.Join("; ", Notes)}")
        + (Problems.Count == 0 ? "" : $"; problems: {string.Join("; ", Problems)}")
        + (NotBefore is { } at ? $"; next request not before {at:HH:mm:ss} UTC" : "");
}

/// <summary>Adds up one poll as it goes.</summary>
public sealed class PollTally(string watcher)
{
    private readonly List<string> _found = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _notes = [];
    private int _requests;
    private long _bytes;

    public int Feeds { get; set; }
    public int Unchanged { get; set; }

    public void Add(Fetched fetched)
    {
        _requests += fetched.Requests;
        _bytes += fetched.Bytes;
    }

    public void Found(string what) => _found.Add(what);

    public void Problem(string what) => _problems.Add(what);

    public void Note(string what) => _notes.Add(what);

    public PollReport Report(TimeSpan took, DateTimeOffset? notBefore) =>
        new(watcher, Feeds, Unchanged, _requests, _bytes, _found, _problems, _notes, took, notBefore);
}
