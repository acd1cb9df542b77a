using System.Text.Json;

namespace Mvps.Build.Engine.Tests;

public sealed class BuildSchemaTests
{
    private static readonly string CommittedSchema = Path.Combine(AppContext.BaseDirectory, "Schema", "ParameterBuild.schema.json");

    [Fact]
    public void Generated_schema_matches_the_committed_file()
    {
        var generated = BuildSchema.Generate(typeof(ParameterBuild));
        if (generated != File.ReadAllText(CommittedSchema))
        {
            // Approval-style: leave what was produced next to the copy in the output folder for review.
            File.WriteAllText(Path.ChangeExtension(CommittedSchema, ".received.json"), generated);
        }

        Assert.Equal(File.ReadAllText(CommittedSchema), generated);
        Assert.False(BuildSchema.IsStale(typeof(ParameterBuild), CommittedSchema));
    }

    [Fact]
    public void Generation_is_deterministic_sorted_and_lf_terminated()
    {
        var first = BuildSchema.Generate(typeof(ParameterBuild));

        Assert.Equal(first, BuildSchema.Generate(typeof(ParameterBuild)));
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(first);
        var names = document.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(
            ["$schema", "ApiKey", "Configuration", "Continue", "NuGetSource", "Retries", "Skip", "Tags", "Target", "Verbose"],
            names);
    }

    [Fact]
    public void Schema_describes_types_enums_and_target_names()
    {
        using var document = JsonDocument.Parse(BuildSchema.Generate(typeof(OrderBuild)));
        var target = document.RootElement.GetProperty("properties").GetProperty("Target");

        Assert.Equal("array", target.GetProperty("type").GetString());
        Assert.Equal(
            ["Clean", "Compile", "Lint", "Notify", "Pack", "Report", "Restore", "Test"],
            target.GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Stale_when_missing_or_different_fresh_after_write()
    {
        using var harness = new BuildHarness();
        var path = Path.Combine(harness.Root, ".nuke", "build.schema.json");
        Assert.True(BuildSchema.IsStale(typeof(ParameterBuild), path));

        BuildSchema.Write(typeof(ParameterBuild), path);
        Assert.False(BuildSchema.IsStale(typeof(ParameterBuild), path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left behind

        File.AppendAllText(path, " ");
        Assert.True(BuildSchema.IsStale(typeof(ParameterBuild), path));
        Assert.True(BuildSchema.IsStale(typeof(OrderBuild), CommittedSchema));
    }

    [Fact]
    public void Generate_schema_option_writes_the_file_and_exits()
    {
        using var harness = new BuildHarness();
        var build = new OrderBuild();

        var outcome = harness.Run(build, "--generate-schema");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
        Assert.False(BuildSchema.IsStale(typeof(OrderBuild), Path.Combine(harness.Root, ".nuke", "build.schema.json")));
    }
}
