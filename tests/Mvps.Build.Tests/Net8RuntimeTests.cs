using Mvps.Build.Engine;

namespace Mvps.Build.Tests;

/// <summary>The net8 run must really run on .NET 8: its publish is checked for the runtime it carries.</summary>
public sealed class Net8RuntimeTests
{
    private static AbsolutePath PublishFolder(TempFolder temp, string runtimeConfig)
    {
        File.WriteAllText(temp.File("mvps.runtimeconfig.json"), runtimeConfig);
        return AbsolutePath.Create(temp.Path);
    }

    [Fact]
    public void A_self_contained_net8_publish_names_its_runtime_pack_version()
    {
        using var temp = new TempFolder();
        var folder = PublishFolder(temp, """
            {"runtimeOptions":{"tfm":"net8.0","includedFrameworks":[{"name":"Microsoft.NETCore.App","version":"8.0.31"}]}}
            """);

        Assert.Equal("Microsoft.NETCore.App 8.0.31", Net8Runtime.PublishedRuntime(folder));
    }

    [Theory]
    [InlineData("""{"runtimeOptions":{"tfm":"net10.0","includedFrameworks":[{"name":"Microsoft.NETCore.App","version":"10.0.12"}]}}""")]
    [InlineData("""{"runtimeOptions":{"tfm":"net8.0","framework":{"name":"Microsoft.NETCore.App","version":"8.0.0"}}}""")]
    public void A_publish_on_another_runtime_or_framework_dependent_fails_the_run(string runtimeConfig)
    {
        using var temp = new TempFolder();
        var folder = PublishFolder(temp, runtimeConfig);

        var error = Assert.Throws<BuildException>(() => Net8Runtime.PublishedRuntime(folder));

        Assert.Contains("mvps.runtimeconfig.json", error.Message);
        Assert.Contains("does not carry a .NET 8 runtime", error.Message);
    }

    [Fact]
    public void The_publish_asks_for_net8_self_contained_and_the_opt_in_property()
    {
        var arguments = new DotNet("publish", "src/Mvps.Tool/Mvps.Tool.csproj")
        {
            Runtime = "linux-x64",
            Framework = Net8Runtime.TargetFramework,
            SelfContained = true,
            Properties = [(Net8Runtime.Property, "true")],
        }.Arguments();

        Assert.Equal(["publish", "src/Mvps.Tool/Mvps.Tool.csproj", "-r", "linux-x64", "-f", "net8.0", "--self-contained", "-nologo", "-p:AlsoTargetNet8=true"], arguments);
        // The property is the one src/Directory.Build.props switches the second target framework on with.
        var props = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Directory.Build.props"));
        Assert.Contains($"'$({Net8Runtime.Property})' == 'true'", props);
        Assert.Contains($"<TargetFrameworks>net10.0;{Net8Runtime.TargetFramework}</TargetFrameworks>", props);
    }
}
