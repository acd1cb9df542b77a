namespace Mvps.Interop.Tests;

/// <summary>
/// The Markdown reader the documented-command tests run the docs with: a block it missed would be a documented step
/// that silently stops being run.
/// </summary>
public sealed class MarkdownTests
{
    [Theory]
    [InlineData("the same indentation", "  ```console\n$ x\n  ```\n")]
    [InlineData("a closing fence at the margin", "  ```console\n$ x\n```\n")]
    [InlineData("a block inside a list item", "1. Run:\n   ```console\n   $ x\n   ```\n")]
    public void An_indented_block_of_another_language_keeps_the_next_blocks_in_step(string what, string indentedBlock)
    {
        var markdown = "# Page\n\n```sh\necho one\n```\n\n" + indentedBlock + "\n```sh\necho two\n```\n\n```python\nprint(3)\n```\n";

        Assert.True(Markdown.FencedBlocks(markdown, "sh") is ["echo one\n", "echo two\n"], what);
        Assert.Equal(["print(3)\n"], Markdown.FencedBlocks(markdown, "python"));
        Assert.Single(Markdown.FencedBlocks(markdown, "console"));
    }

    [Fact]
    public void A_block_that_is_never_closed_fails_instead_of_being_skipped()
    {
        var failure = Record.Exception(() => Markdown.FencedBlocks("```sh\necho one\n```\n\n```sh\necho two\n", "sh"));

        Assert.NotNull(failure);
        Assert.Contains("2 fence(s) open a sh block, but 1 block(s) were read", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_runs_to_the_next_heading_of_its_level()
    {
        const string markdown = "# Page\n\n## One\n\ntext\n\n### Sub\n\nmore\n\n## Two\n\nother\n";

        Assert.Equal("\n## One\n\ntext\n\n### Sub\n\nmore\n", Markdown.Section(markdown, "## One"));
    }
}
