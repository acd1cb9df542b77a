namespace Mvps.Evidence.Analysis;

/// <summary>
/// The names of the files <c>mvps report</c> writes beside the evidence of every evidence run and into a release
/// folder: the tool lists them in the page's determinism matrix, and the build compares and signs them.
/// </summary>
public static class ReportFileNames
{
    /// <summary>The report page beside the captures of an evidence run or a release; <c>./build.sh Report</c> writes index.html.</summary>
    public const string Page = "mvps_report.html";

    /// <summary><c>mvps analyze --json</c> of the evidence, as each evidence run writes it.</summary>
    public const string Analysis = "mvps_analysis.json";
}
