using Mvps.IO;

namespace Mvps.Codec.Tests.IO;

/// <summary>The shared file helpers (src/Shared, compiled into each assembly) as the codec sees them.</summary>
public sealed class SharedIoTests
{
    [Fact]
    public void AtomicFile_replaces_a_symlink_at_the_final_name_and_leaves_its_target_alone()
    {
        using var temp = new TempFolder();
        var victim = temp.File("victim");
        File.WriteAllText(victim, "precious");
        var target = temp.File("out.bin");
        File.CreateSymbolicLink(target, victim);

        AtomicFile.Write(target, stream => stream.Write("new"u8));

        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Null(new FileInfo(target).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(["out.bin", "victim"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AtomicFile_leaves_nothing_when_the_writer_fails_and_keeps_the_old_file()
    {
        using var temp = new TempFolder();
        var target = temp.File("out.bin");
        File.WriteAllText(target, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("writer failed");
        }));

        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["out.bin"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AtomicFile_uses_a_new_unpredictable_temporary_name_each_time()
    {
        using var temp = new TempFolder();
        var target = temp.File("out.bin");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            AtomicFile.Write(target, stream =>
            {
                var name = Path.GetFileName(((FileStream)stream).Name);
                Assert.Matches("^\\.out\\.bin\\.[0-9a-f]{32}\\.partial$", name);
                Assert.True(seen.Add(name), $"{name} used twice");
            });
        }
    }

    [Fact]
    public void AtomicFile_never_refuses_a_reader_of_the_file_it_is_writing_and_renaming()
    {
        // The cause of concurrent generates failing with "being used by another process": the file being written
        // becomes the final file at the rename, and a reader of it (File.ReadAllBytes takes a shared flock on Unix)
        // was refused while the writer still held an exclusive flock on it. Here the reader opens it mid-write.
        using var temp = new TempFolder();
        var target = temp.File("out.bin");
        byte[]? seen = null;
        AtomicFile.Write(target, stream =>
        {
            stream.Write("new"u8);
            stream.Flush();
            seen = File.ReadAllBytes(((FileStream)stream).Name);
        });

        Assert.Equal("new"u8.ToArray(), seen);
        Assert.Equal("new", File.ReadAllText(target));
    }

    [Fact]
    public void AtomicFile_cleanup_leaves_a_live_writers_temporary_file_and_removes_an_abandoned_one()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // record locks mark a live writer on Linux only; elsewhere leftovers stay (see AtomicFile)
        }

        using var temp = new TempFolder();
        var target = temp.File("out.bin");
        var abandoned = temp.File(".out.bin.0123456789abcdef0123456789abcdef.partial");
        File.WriteAllText(abandoned, "left by a killed run");
        string? live = null;
        AtomicFile.Write(target, outer =>
        {
            live = ((FileStream)outer).Name;
            outer.Write("outer"u8);
            outer.Flush();
            // A second writer of the same name, in the middle of the first: its cleanup must leave the first alone.
            AtomicFile.Write(target, inner => inner.Write("inner"u8));
            Assert.True(File.Exists(live), "a live writer's temporary file was removed");
            Assert.False(File.Exists(abandoned), "the abandoned temporary file is still there");
        });

        Assert.Equal("outer", File.ReadAllText(target));
        Assert.Equal(["out.bin"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("/", "is a folder, not a test file")]
    [InlineData("/nonexistent/file", "no such file")]
    public void BoundedFile_refuses_what_cannot_be_read_forward(string path, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => BoundedFile.ReadAll(path, 1024, "test"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void BoundedFile_reads_a_device_like_a_file_and_stops_at_the_limit()
    {
        // /dev/zero reports length 0 and never ends; /dev/null ends at once. Neither is refused for its kind.
        var error = Assert.Throws<InvalidDataException>(() => BoundedFile.ReadAll("/dev/zero", 1024, "test"));
        Assert.Equal("/dev/zero: larger than the 1 KiB limit for a test file", error.Message);
        Assert.Empty(BoundedFile.ReadAll("/dev/null", 1024, "test"));
    }

    [Fact]
    public void BoundedFile_opened_forward_reads_to_the_limit_and_refuses_the_next_byte()
    {
        // A device never ends: the read past the limit is the same one line as ReadAll's.
        using (var zero = BoundedFile.OpenForward("/dev/zero", 1024, "test"))
        {
            var buffer = new byte[4096];
            var total = 0;
            void ReadOn()
            {
                while (true)
                {
                    total += zero.Read(buffer, 0, 128);
                }
            }

            var error = Assert.Throws<InvalidDataException>(ReadOn);
            Assert.Equal("/dev/zero: larger than the 1 KiB limit for a test file", error.Message);
            Assert.Equal(1024, total);
        }

        // A regular file reporting more is refused unread; one at the limit is read whole.
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File("exact"), new byte[1024]);
        File.WriteAllBytes(temp.File("over"), new byte[1025]);
        Assert.Equal(temp.File("over") + ": larger than the 1 KiB limit for a test file",
            Assert.Throws<InvalidDataException>(() => BoundedFile.OpenForward(temp.File("over"), 1024, "test")).Message);
        using var exact = BoundedFile.OpenForward(temp.File("exact"), 1024, "test");
        exact.ReadExactly(new byte[1024]);
        Assert.Equal(0, exact.Read(new byte[1], 0, 1));
    }

    [Fact]
    public void BoundedFile_refuses_a_pipe_only_where_a_reader_must_seek_and_says_why()
    {
        var error = Assert.Throws<InvalidDataException>(() => BoundedFile.OpenRegular("/dev/zero", "test", why: "it is read twice"));
        Assert.Equal("/dev/zero: is a character device; it is read twice, so it must be a regular file", error.Message);
    }

    [Fact]
    public void BoundedFile_stops_at_the_limit_whatever_the_stream_reports()
    {
        // A stream that never ends and cannot report a length, like a device read through a handle.
        var endless = new EndlessStream();
        var error = Assert.Throws<InvalidDataException>(() => BoundedFile.ReadAll(endless, "endless", 100_000, "test"));
        Assert.Contains("larger than the", error.Message);
        Assert.InRange(endless.Served, 100_001, 100_001 + 65_536);

        var exact = BoundedFile.ReadAll(new MemoryStream(new byte[1024]), "exact", 1024, "test");
        Assert.Equal(1024, exact.Length);
    }

    [Theory]
    [InlineData("plain.pcap", "plain.pcap")]
    [InlineData("a\nb", "a?b")]
    [InlineData("tab\there\r\n\u001b[2J\u0085\u007f", "tab?here???[2J??")]
    public void DisplayName_cleans_control_characters(string name, string expected) => Assert.Equal(expected, DisplayName.Of(name));

    [Fact]
    public void DisplayName_cuts_a_huge_name_and_states_its_length()
    {
        var shown = DisplayName.Of(new string('x', 100_000));
        Assert.Equal(DisplayName.MaxLength + " (100000 characters)".Length + 3, shown.Length);
        Assert.EndsWith("... (100000 characters)", shown);
    }

    private sealed class EndlessStream : Mvps.Codec.Tests.Capture.ForwardOnlyReadStream
    {
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }
    }
}
