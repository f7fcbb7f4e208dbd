namespace GrokFactsBot.Core.Storage;

/// <summary>
/// One of the database's two files (data or log) as LiteDB sees it, unbuffered so a full disk shows at the write that
/// hit it. Every change passes the files' shared <see cref="WriteGate"/>, so a backup can hold both still; a write
/// that fails after growing the file is cut back, so the file never ends in a torn page.
/// </summary>
internal sealed class GuardedFileStream(string path, WriteGate gate) : Stream
{
    private readonly FileStream _file = new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 0);

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (gate.Sync)
        {
            var length = _file.Length;
            try
            {
                _file.Write(buffer, offset, count);
            }
            catch (IOException)
            {
                CutBackTo(length);
                throw;
            }
        }
    }

    public override void SetLength(long value)
    {
        lock (gate.Sync)
        {
            var length = _file.Length;
            try
            {
                _file.SetLength(value);
            }
            catch (IOException)
            {
                CutBackTo(length);
                throw;
            }
        }
    }

    public override void Flush()
    {
        lock (gate.Sync)
            _file.Flush();
    }

    /// <summary>Shrinking needs no space, so this works on a full disk; if even that fails, the write's error stands.</summary>
    private void CutBackTo(long length)
    {
        try
        {
            if (_file.Length > length)
                _file.SetLength(length);
        }
        catch (IOException) { }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _file.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Held by every change to the database's files; a backup holds it to copy them as one moment's state.</summary>
public sealed class WriteGate
{
    internal Lock Sync { get; } = new();

    /// <summary>Runs <paramref name="work"/> with every write to the files held back until it returns.</summary>
    public T WhileStill<T>(Func<T> work)
    {
        lock (Sync)
            return work();
    }
}
