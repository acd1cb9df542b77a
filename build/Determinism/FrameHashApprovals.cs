using System.Text;
using Mvps.Evidence.Verification;

namespace Mvps.Build.Determinism;

/// <summary>
/// The frame-hash approvals (tests/Mvps.Evidence.Tests/Evidence/Approved) checked against the captures of build
/// runs, the way ApprovalTests checks them in the test suite: same listing (<see cref="FrameHashListing"/>),
/// same file names, same encoding (UTF-8 with BOM, LF, no final newline). A mismatch leaves the
/// *.received.txt beside the approved file, which `./build.sh Accept` promotes.
/// </summary>
internal static class FrameHashApprovals
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static string ApprovedPath(string approvalDirectory, string captureFileName) =>
        Path.Combine(approvalDirectory, ApprovalName(captureFileName) + ".approved.txt");

    public static string ReceivedPath(string approvalDirectory, string captureFileName) =>
        Path.Combine(approvalDirectory, ApprovalName(captureFileName) + ".received.txt");

    /// <summary>
    /// The approval file's base name for a capture, as ApprovalTests names it after the test class and method
    /// (tests/Mvps.Evidence.Tests/Evidence/FrameHashApprovalTests.cs): FrameHashApprovalTests.Baseline_frame_hashes.
    /// The Build.Tests snapshot tests fail if the committed approvals are named otherwise.
    /// </summary>
    private static string ApprovalName(string captureFileName)
    {
        // mvps_baseline.pcap -> Baseline
        var stem = Path.GetFileNameWithoutExtension(captureFileName);
        stem = stem.StartsWith("mvps_", StringComparison.Ordinal) ? stem["mvps_".Length..] : stem;
        stem = stem.Length == 0 ? stem : char.ToUpperInvariant(stem[0]) + stem[1..];
        return "FrameHashApprovalTests." + stem + "_frame_hashes";
    }

    /// <summary>
    /// One line per approval that does not match a run's capture, naming the approved file, the first differing
    /// line and the run; for each mismatch the received file is written (from the first run that differs).
    /// A stale received file of a matching approval is deleted, as ApprovalTests does.
    /// </summary>
    public static IReadOnlyList<string> Check(string approvalDirectory, IEnumerable<(string Run, string Folder)> runs, IEnumerable<string> captureFileNames, Func<string, string> display)
    {
        var problems = new List<string>();
        var runList = runs.ToList();
        foreach (var capture in captureFileNames)
        {
            var approvedPath = ApprovedPath(approvalDirectory, capture);
            var approved = File.Exists(approvedPath) ? Strip(File.ReadAllText(approvedPath, Encoding.UTF8)) : null;
            string? received = null;
            // Runs with the same listing are reported together: one line per distinct listing, not per run.
            var listings = runList
                .Select(run => (run.Run, Listing: Listing(Path.Combine(run.Folder, capture), capture)))
                .GroupBy(run => run.Listing, StringComparer.Ordinal);
            foreach (var group in listings)
            {
                if (string.Equals(group.Key, approved, StringComparison.Ordinal))
                {
                    continue;
                }

                var listing = group.Key;
                var runNames = string.Join(", ", group.Select(run => run.Run));
                received ??= listing;
                problems.Add(approved is null
                    ? $"{display(approvedPath)}: missing (run {runNames}: {capture} has {listing.Split('\n').Length - 1} frames)"
                    : $"{display(approvedPath)}: {FirstDifference(approved, listing)} (run {runNames}: {capture})");
            }

            var receivedPath = ReceivedPath(approvalDirectory, capture);
            if (received is not null)
            {
                Write(receivedPath, received);
                problems.Add($"{display(receivedPath)}: written; `./build.sh Accept` promotes it (and regenerates evidence/) if the change is deliberate");
            }
            else if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }
        }

        return problems;
    }

    /// <summary>Writes the approved files from the captures in <paramref name="folder"/> and removes their received files; returns the approved paths.</summary>
    public static IReadOnlyList<string> Approve(string approvalDirectory, string folder, IEnumerable<string> captureFileNames)
    {
        var written = new List<string>();
        foreach (var capture in captureFileNames)
        {
            var approvedPath = ApprovedPath(approvalDirectory, capture);
            Write(approvedPath, Listing(Path.Combine(folder, capture), capture));
            var receivedPath = ReceivedPath(approvalDirectory, capture);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            written.Add(approvedPath);
        }

        return written;
    }

    private static string Listing(string capturePath, string captureFileName)
    {
        using var stream = File.OpenRead(capturePath);
        return FrameHashListing.Render(stream, captureFileName);
    }

    private static void Write(string path, string text)
    {
        Mvps.IO.AtomicFile.Write(path, [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text)]);
    }

    private static string Strip(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    private static string FirstDifference(string approved, string received)
    {
        var a = approved.Split('\n');
        var b = received.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(no line)";
            var right = i < b.Length ? b[i] : "(no line)";
            if (!string.Equals(left, right, StringComparison.Ordinal))
            {
                return $"line {i + 1} approved \"{left}\" but received \"{right}\"";
            }
        }

        return "differs only in line endings";
    }
}
