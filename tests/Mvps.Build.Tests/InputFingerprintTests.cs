using Mvps.Build.Engine;

namespace Mvps.Build.Tests;

/// <summary>
/// A cached publish, sysroot or Reproduce tree is reused only while the content hash of its inputs is
/// unchanged: editing one source file, adding one, or changing a parameter forces the rebuild.
/// </summary>
public sealed class InputFingerprintTests : IDisposable
{
    private readonly TempFolder _repository = new();

    private AbsolutePath Root => AbsolutePath.Create(_repository.Path);

    public InputFingerprintTests()
    {
        Directory.CreateDirectory(_repository.File("src"));
        File.WriteAllText(_repository.File("src/Program.cs"), "class Program { static void Main() { } }\n");
        File.WriteAllText(_repository.File("packages.lock.json"), "{}\n");
        File.WriteAllText(_repository.File(".gitignore"), "bin/\nout/\n");
        Git("init", "--quiet");
        Git("add", ".");
    }

    public void Dispose() => _repository.Dispose();

    private void Git(params string[] arguments) => ProcessTasks.StartProcess("git", arguments, _repository.Path, logOutput: false);

    [ToolFact("git")]
    public void Unchanged_inputs_are_current_and_an_edited_source_file_forces_the_rebuild()
    {
        var stamp = Root / "out" / "publish.inputs";
        var before = InputFingerprint.Of(Root, ["publish", "-r", "linux-arm64"]);
        InputFingerprint.Record(stamp, before);
        Assert.True(InputFingerprint.IsCurrent(stamp, InputFingerprint.Of(Root, ["publish", "-r", "linux-arm64"])));

        File.AppendAllText(_repository.File("src/Program.cs"), "// edited\n");

        var after = InputFingerprint.Of(Root, ["publish", "-r", "linux-arm64"]);
        Assert.NotEqual(before, after);
        Assert.False(InputFingerprint.IsCurrent(stamp, after));
    }

    [ToolFact("git")]
    public void A_new_untracked_file_a_parameter_and_ignored_output_are_told_apart()
    {
        var before = InputFingerprint.Of(Root, ["sdk 10.0.401"]);

        Directory.CreateDirectory(_repository.File("bin"));
        File.WriteAllText(_repository.File("bin/output.dll"), "build output");
        Assert.Equal(before, InputFingerprint.Of(Root, ["sdk 10.0.401"])); // ignored output is not an input

        Assert.NotEqual(before, InputFingerprint.Of(Root, ["sdk 10.0.402"]));

        File.WriteAllText(_repository.File("src/New.cs"), "class New { }\n");
        Assert.NotEqual(before, InputFingerprint.Of(Root, ["sdk 10.0.401"]));
    }

    [Fact]
    public void A_build_output_folder_digest_follows_every_byte_and_file_but_not_the_folder_it_is_in()
    {
        // The reprotest run is reused only while the tool folder's digest is unchanged.
        using var other = new TempFolder();
        foreach (var root in new[] { _repository.File("tool"), other.File("tool") })
        {
            Directory.CreateDirectory(Path.Combine(root, "runtimes"));
            File.WriteAllText(Path.Combine(root, "mvps.dll"), "tool bytes");
            File.WriteAllText(Path.Combine(root, "runtimes", "native.so"), "native");
        }

        var digest = InputFingerprint.FolderDigest(_repository.File("tool"));
        Assert.Equal(digest, InputFingerprint.FolderDigest(other.File("tool")));

        File.WriteAllText(other.File("tool/mvps.dll"), "tool bytez");
        Assert.NotEqual(digest, InputFingerprint.FolderDigest(other.File("tool")));

        File.WriteAllText(other.File("tool/mvps.dll"), "tool bytes");
        File.WriteAllText(other.File("tool/runtimes/extra.so"), "");
        Assert.NotEqual(digest, InputFingerprint.FolderDigest(other.File("tool")));
    }

    [ToolFact("git")]
    public void A_forgotten_stamp_is_never_current()
    {
        var stamp = Root / "out" / "reproduce.inputs";
        var fingerprint = InputFingerprint.Of(Root, []);
        InputFingerprint.Record(stamp, fingerprint);

        InputFingerprint.Forget(stamp);

        Assert.False(InputFingerprint.IsCurrent(stamp, fingerprint));
    }
}
