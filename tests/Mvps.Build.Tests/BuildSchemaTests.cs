using Mvps.Build.Engine;

namespace Mvps.Build.Tests;

public sealed class BuildSchemaTests
{
    [Fact]
    public void Committed_build_schema_matches_the_targets_and_parameters()
    {
        var schema = Path.Combine(RepositoryRoot.Path, ".nuke", "build.schema.json");

        Assert.True(File.Exists(schema), ".nuke/build.schema.json is missing");
        Assert.False(BuildSchema.IsStale(typeof(global::Build), schema), ".nuke/build.schema.json is stale: run ./build.sh --generate-schema");
    }
}
