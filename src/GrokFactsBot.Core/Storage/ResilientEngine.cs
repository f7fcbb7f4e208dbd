using GrokFactsBot.Core.Resilience;
using LiteDB;
using LiteDB.Engine;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// LiteDB's engine, kept usable through a full disk. LiteDB stops an engine for good at its first failed write, and
/// every read fails after it until a restart; this one opens the files again on the next call instead (reads work
/// again at once), reports a failed write as <see cref="StorageUnavailableException"/> ("could not save: disk full"),
/// and after a failed write refuses further writes without touching the disk until space is freed or the backoff has
/// passed, when the next write tries for real: once space is back, it succeeds and the fault clears by itself.
/// </summary>
public sealed class ResilientEngine : ILiteEngine
{
    private static readonly Backoff WriteRetry = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    private readonly Func<OpenedEngine> _open;
    private readonly Func<long?> _freeBytes;
    private readonly TimeProvider _clock;
    private readonly Lock _sync = new();
    private readonly ThreadLocal<ILiteEngine?> _transaction = new();
    private OpenedEngine? _current;
    private StorageFault? _fault;
    private int _failedWrites;

    internal ResilientEngine(Func<OpenedEngine> open, Func<long?> freeBytes, TimeProvider clock)
    {
        _open = open;
        _freeBytes = freeBytes;
        _clock = clock;
        _current = open();
    }

    /// <summary>The last write failure not yet cured by a successful write; null while writes work.</summary>
    public StorageFault? Fault
    {
        get
        {
            lock (_sync)
                return _fault;
        }
    }

    public IBsonDataReader Query(string collection, Query query) => Read(e => e.Query(collection, query));

    public BsonValue Pragma(string name) => Read(e => e.Pragma(name));

    public bool BeginTrans()
    {
        var engine = Engine(forWrite: true);
        var began = Guard(engine, () => engine.BeginTrans());
        _transaction.Value = engine;
        return began;
    }

    public bool Commit()
    {
        var engine = _transaction.Value ?? Engine(forWrite: true);
        _transaction.Value = null;
        return Wrote(engine, () => engine.Commit());
    }

    /// <summary>A transaction on an engine that failed is gone already: rolling it back cannot fail as well.</summary>
    public bool Rollback()
    {
        var engine = _transaction.Value;
        _transaction.Value = null;
        try
        {
            return (engine ?? Engine(forWrite: false)).Rollback();
        }
        catch (Exception e) when (IsStorageFailure(e) || e is StorageUnavailableException)
        {
            return false;
        }
    }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        Write(e => e.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Write(e => e.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) =>
        Write(e => e.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        Write(e => e.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Write(e => e.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) =>
        Write(e => e.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Write(e => e.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Write(e => e.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) =>
        Write(e => e.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Write(e => e.DropIndex(collection, name));

    public bool Pragma(string name, BsonValue value) => Write(e => e.Pragma(name, value));

    public int Checkpoint() => Write(e => e.Checkpoint());

    public long Rebuild(RebuildOptions options) => Write(e => e.Rebuild(options));

    private T Read<T>(Func<ILiteEngine, T> work)
    {
        var engine = _transaction.Value ?? Engine(forWrite: false);
        return Guard(engine, () => work(engine));
    }

    private T Write<T>(Func<ILiteEngine, T> work)
    {
        var engine = _transaction.Value ?? Engine(forWrite: true);
        return Wrote(engine, () => work(engine));
    }

    /// <summary>A write that went through: the disk takes writes again.</summary>
    private T Wrote<T>(ILiteEngine engine, Func<T> work)
    {
        var result = Guard(engine, work);
        lock (_sync)
        {
            _fault = null;
            _failedWrites = 0;
        }
        return result;
    }

    private T Guard<T>(ILiteEngine engine, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw Failed(engine, e);
        }
    }

    /// <summary>
    /// The engine to use: the current one, or the files opened again after a failure. A write is refused at once while
    /// the backoff since the last failed write runs and no space was freed, so a full disk is not hammered.
    /// </summary>
    private ILiteEngine Engine(bool forWrite)
    {
        lock (_sync)
        {
            if (forWrite && _fault is { } fault && _clock.GetUtcNow() < fault.RetryAt && !SpaceFreedSince(fault))
                throw new StorageUnavailableException(fault.Reason);
            if (_current is null)
            {
                try
                {
                    _current = _open();
                }
                catch (Exception e) when (IsStorageFailure(e))
                {
                    throw new StorageUnavailableException(StorageFault.Describe(e), e);
                }
            }
            return _current.Engine;
        }
    }

    private bool SpaceFreedSince(StorageFault fault) =>
        fault.FreeBytes is { } then && _freeBytes() is { } now && now > then + DatabaseFileCheck.PageSize;

    private StorageUnavailableException Failed(ILiteEngine engine, Exception e)
    {
        lock (_sync)
        {
            var reason = e is LiteException && _fault is { } known ? known.Reason : StorageFault.Describe(e);
            var now = _clock.GetUtcNow();
            _failedWrites++;
            _fault = new StorageFault(reason, _fault?.Since ?? now, now + WriteRetry.After(_failedWrites), _freeBytes());
            if (_current is { } current && ReferenceEquals(current.Engine, engine))
            {
                _current = null;
                current.Dispose();
            }
            return new StorageUnavailableException(reason, e);
        }
    }

    /// <summary>
    /// A failure of the files, not of the query: LiteDB throws the disk's IOException, and from then on says its
    /// engine is disposed.
    /// </summary>
    private static bool IsStorageFailure(Exception e) =>
        e is IOException || e is LiteException { ErrorCode: LiteException.ENGINE_DISPOSED };

    public void Dispose()
    {
        lock (_sync)
        {
            _current?.Dispose();
            _current = null;
        }
        _transaction.Dispose();
    }
}

/// <summary>A LiteDB engine and the two files it was opened on, closed together.</summary>
internal sealed class OpenedEngine(LiteEngine engine, params Stream[] files) : IDisposable
{
    public ILiteEngine Engine => engine;

    public void Dispose()
    {
        try
        {
            engine.Dispose();
        }
        catch (IOException)
        {
            // A failed engine cannot write its checkpoint; what it committed is in the log and is replayed on open.
        }
        finally
        {
            foreach (var file in files)
                file.Dispose();
        }
    }
}
