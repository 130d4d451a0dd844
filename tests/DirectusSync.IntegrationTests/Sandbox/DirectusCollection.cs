namespace DirectusSync.IntegrationTests.Sandbox;

/// <summary>The xunit collection of every test that talks to the shared Directus.</summary>
[CollectionDefinition(Name)]
public sealed class DirectusCollection : ICollectionFixture<DirectusFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Directus";
}
