namespace Mvps.Build.Tests;

/// <summary>
/// The Snapshot target's check on a copy of the committed approvals and of evidence/: an edited line of an
/// approved file fails naming the file and the line and leaves the received file; Approve restores green.
/// </summary>
public sealed class SnapshotApprovalTests : IDisposable
{
    private static readonly string[] Captures = ["mvps_baseline.pcap", "mvps_ddos.pcap"];

    private readonly TempFolder _approvals = new();
    private readonly TempFolder _run = new();

    public SnapshotApprovalTests()
    {
        var committed = Path.Combine(RepositoryRoot.Path, "tests", "Mvps.Evidence.Tests", "Evidence", "Approved");
        foreach (var file in Directory.GetFiles(committed, "*.approved.txt"))
        {
            _approvals.Copy(file);
        }

        foreach (var capture in Captures)
        {
            _run.Copy(RepositoryRoot.Evidence(capture));
        }
    }

    public void Dispose()
    {
        _approvals.Dispose();
        _run.Dispose();
    }

    private IReadOnlyList<string> Check() => FrameHashApprovals.Check(_approvals.Path, [("a", _run.Path)], Captures, Path.GetFileName);

    [Fact]
    public void The_committed_evidence_matches_the_committed_approvals()
    {
        Assert.Empty(Check());
        Assert.Empty(Directory.GetFiles(_approvals.Path, "*.received.txt"));
    }

    [Fact]
    public void An_edited_approved_line_fails_naming_the_file_and_leaves_the_received_file()
    {
        var approved = FrameHashApprovals.ApprovedPath(_approvals.Path, "mvps_ddos.pcap");
        var lines = File.ReadAllText(approved).Split('\n');
        lines[5] = lines[5].Replace(lines[5][8], lines[5][8] == '0' ? '1' : '0');
        File.WriteAllText(approved, string.Join('\n', lines), new System.Text.UTF8Encoding(true));

        var problems = Check();

        Assert.StartsWith("FrameHashApprovalTests.Ddos_frame_hashes.approved.txt: line 6 approved", problems[0]);
        var received = FrameHashApprovals.ReceivedPath(_approvals.Path, "mvps_ddos.pcap");
        Assert.True(File.Exists(received));
        Assert.Contains(problems, problem => problem.StartsWith("FrameHashApprovalTests.Ddos_frame_hashes.received.txt: written", StringComparison.Ordinal));
        Assert.False(File.Exists(FrameHashApprovals.ReceivedPath(_approvals.Path, "mvps_baseline.pcap")));

        // Accept's half: the approvals are rewritten from the captures, byte for byte as committed.
        FrameHashApprovals.Approve(_approvals.Path, _run.Path, Captures);

        Assert.Empty(Check());
        Assert.False(File.Exists(received));
        var committed = Path.Combine(RepositoryRoot.Path, "tests", "Mvps.Evidence.Tests", "Evidence", "Approved", Path.GetFileName(approved));
        Assert.Equal(File.ReadAllBytes(committed), File.ReadAllBytes(approved));
    }

    [Fact]
    public void A_changed_capture_fails_every_approval_it_touches()
    {
        var capture = Path.Combine(_run.Path, "mvps_baseline.pcap");
        var bytes = File.ReadAllBytes(capture);
        bytes[24 + 16 + 90] ^= 1; // frame 0, C2
        File.WriteAllBytes(capture, bytes);

        var problems = Check();

        Assert.StartsWith("FrameHashApprovalTests.Baseline_frame_hashes.approved.txt: line 2 approved \" 0 -> ", problems[0]);
        Assert.Contains("(run a: mvps_baseline.pcap)", problems[0]);
    }
}
