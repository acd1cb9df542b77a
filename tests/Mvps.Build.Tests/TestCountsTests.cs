namespace Mvps.Build.Tests;

/// <summary>The Test target's console: the skip reasons from the TRX files, and the count line.</summary>
public sealed class TestCountsTests
{
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testName="A.Passes" outcome="Passed" />
            <UnitTestResult testName="A.Fails" outcome="Failed" />
            <UnitTestResult testName="B.Needs_tshark" outcome="NotExecuted">
              <Output><ErrorInfo><Message>external tool not found on PATH: tshark</Message></ErrorInfo></Output>
            </UnitTestResult>
          </Results>
        </TestRun>
        """;

    [Fact]
    public void Skipped_tests_carry_their_reason_and_the_count_line_names_all_three_outcomes()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("a.trx"), Trx);

        var counts = global::Build.TestCounts.FromTrxFiles([folder.File("a.trx")]);

        Assert.Equal(["B.Needs_tshark: external tool not found on PATH: tshark"], counts.SkippedTests);
        Assert.Equal(["A.Fails"], counts.FailedTests);
        Assert.Equal("1 passed, 1 failed, 1 skipped", counts.ToString());
    }
}
