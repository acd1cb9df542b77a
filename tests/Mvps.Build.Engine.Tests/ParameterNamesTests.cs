namespace Mvps.Build.Engine.Tests;

public sealed class ParameterNamesTests
{
    [Theory]
    [InlineData("Configuration", "configuration", "CONFIGURATION")]
    [InlineData("NuGetApiKey", "nu-get-api-key", "NU_GET_API_KEY")]
    [InlineData("HTTPPort", "http-port", "HTTP_PORT")]
    [InlineData("Retries2Max", "retries2-max", "RETRIES2_MAX")]
    public void Kebab_and_snake_case(string name, string kebab, string snake)
    {
        Assert.Equal(kebab, ParameterNames.ToKebabCase(name));
        Assert.Equal(snake, ParameterNames.ToSnakeUpperCase(name));
    }

    [Fact]
    public void Normalized_names_ignore_case_dashes_and_underscores()
    {
        Assert.Equal("nugetapikey", ParameterNames.Normalize("--Nu-Get_Api-Key"));
    }

    [Fact]
    public void Command_line_splits_positional_targets_and_option_values()
    {
        var arguments = CommandLineArguments.Parse(["Compile", "Test", "--skip", "--tags", "a", "b"]);

        Assert.Equal(["Compile", "Test"], arguments.PositionalTargets);
        Assert.Equal([], arguments.Get("skip")!);
        Assert.Equal(["a", "b"], arguments.Get("TAGS")!);
        Assert.Null(arguments.Get("plan"));
    }

    [Fact]
    public void Repeated_option_is_rejected()
    {
        var exception = Assert.Throws<UsageException>(() => CommandLineArguments.Parse(["--skip", "--skip"]));
        Assert.Equal("Option '--skip' is given more than once.", exception.Message);
    }
}
