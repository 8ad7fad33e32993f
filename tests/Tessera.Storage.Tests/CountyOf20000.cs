namespace Tessera.Storage.Tests;

/// <summary>The test classes sharing one county of 20,000 people (seed 1, as the demo's), generated, ingested and linked once.</summary>
[CollectionDefinition(Name)]
public sealed class CountyOf20000 : ICollectionFixture<EvaluationTests.County>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "county of 20,000";
}
