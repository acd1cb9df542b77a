using System.ComponentModel;
using System.Diagnostics;

namespace Mvps.Build.Engine;

/// <summary>Runs tools directly (no shell): arguments go through ArgumentList, output is streamed and captured.</summary>
public static class ProcessTasks
{
    /// <summary>
    /// Starts <paramref name="tool"/> (a path or a name looked up on PATH) and waits for it. A non-zero exit throws
    /// a <see cref="BuildException"/> naming the command unless <paramref name="throwOnFailure"/> is false.
    /// </summary>
    public static ProcessResult StartProcess(
        string tool,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool throwOnFailure = true,
        bool logOutput = true)
    {
        var startInfo = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            startInfo.WorkingDirectory = workingDirectory;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            // A null value removes the variable from the child's environment.
            startInfo.Environment[name] = value;
        }

        var commandLine = FormatCommandLine(tool, startInfo.ArgumentList);
        var writer = Log.Writer; // captured here: the output callbacks run on other threads
        var output = new List<ProcessOutputLine>();
        Log.WriteLine(writer, "> " + commandLine);

        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Receive(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Receive(e.Data, isError: true);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new BuildException($"Cannot start '{tool}': {exception.Message}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit(); // without a timeout this also waits for both output streams to end

        ProcessOutputLine[] lines;
        lock (output)
        {
            lines = output.ToArray();
        }

        var result = new ProcessResult(commandLine, process.ExitCode, lines);
        if (throwOnFailure && result.ExitCode != 0)
        {
            throw new BuildException($"Process '{commandLine}' exited with code {result.ExitCode}.");
        }

        return result;

        void Receive(string? text, bool isError)
        {
            if (text is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(new ProcessOutputLine(text, isError));
            }

            if (logOutput)
            {
                Log.WriteLine(writer, text);
            }
        }
    }

    /// <summary>The command as one line, arguments with spaces or quotes quoted, for logs and errors.</summary>
    public static string FormatCommandLine(string tool, IEnumerable<string> arguments) =>
        string.Join(" ", new[] { tool }.Concat(arguments).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"')
            ? argument
            : "\"" + argument.Replace("\"", "\\\"") + "\"";
}
