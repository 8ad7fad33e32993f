namespace Tessera.Linkage.Encodings;

/// <summary>
/// A linkage schema, secret or input the encoder cannot use; the message names the file and the
/// place in it (a schema's JSON path, an input's line and column) and what was expected.
/// </summary>
public sealed class LinkageSchemaException(string message) : Exception(message);
