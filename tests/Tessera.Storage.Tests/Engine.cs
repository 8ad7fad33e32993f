namespace Tessera.Storage.Tests;

/// <summary>The two storage engines every intake guarantee is tested on.</summary>
public enum Engine
{
    Embedded,
    PostgreSql,
}
