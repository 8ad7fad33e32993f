namespace Tessera.Intake.Reading;

/// <summary>
/// Reads a zip entry and fails as soon as it yields more bytes than the zip declared (or than
/// the limit), because a zip's declared sizes cannot be trusted.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit, string displayPath) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw new DeliveryRejectedException($"{displayPath} is damaged inside the zip and cannot be decompressed ({ex.Message}).", ex);
        }

        _read += n;
        return _read > limit
            ? throw new DeliveryRejectedException($"{displayPath} expands to more than its declared size of {limit:N0} bytes; the zip is damaged or hostile and was not read.")
            : n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
