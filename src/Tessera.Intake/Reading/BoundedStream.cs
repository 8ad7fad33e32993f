namespace Tessera.Intake.Reading;

/// <summary>
/// Reads a zip entry and fails as soon as it yields more bytes than the zip declared (or than
/// the limit), because a zip's declared sizes cannot be trusted.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit, string displayPath) : ReadOnlyStream
{
    private long _read;

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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
