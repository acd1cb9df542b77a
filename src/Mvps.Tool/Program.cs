using System.CommandLine;
using Mvps.Codec.Capture;
using Mvps.IO;
using Mvps.Tool;

var root = new RootCommand("mvps: generate, verify, decode and diff MVPS Coherence-BFD evidence captures, and send them to a live BFD peer")
{
    GenerateCommand.Create(),
    VerifyCommand.Create(),
    DecodeCommand.Create(),
    DiffCommand.Create(),
    VerifyReleaseCommand.Create(),
    AnalyzeCommand.Create(),
    ReportCommand.Create(),
    SendCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        // One line per error: System.CommandLine lists allowed values on separate lines.
        Console.Error.WriteLine($"mvps: {string.Join(" ", error.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))}");
    }

    Console.Error.WriteLine("mvps: see 'mvps --help'");
    return ExitCodes.UnusableInput;
}

try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is UsageException or CaptureFormatException or IOException or UnauthorizedAccessException or InvalidDataException
                               or System.Net.Sockets.SocketException)
{
    // A socket call `mvps send` makes after binding (a socket option, recvmsg, poll) can still fail; that is
    // the environment refusing, reported like any unusable input.
    // One line, no stack trace: the message already names the file, the record or offset, and the problem.
    Console.Error.WriteLine($"mvps: {DisplayName.Clean(e.Message)}");
    return ExitCodes.UnusableInput;
}
