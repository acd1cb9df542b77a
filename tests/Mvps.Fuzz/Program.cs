using Mvps.Release;
using Mvps.Tests.Shared;
using SharpFuzz;

namespace Mvps.Fuzz;

/// <summary>
/// AFL++ harness (SharpFuzz out-of-process mode), one executable for every target (see <see cref="FuzzTargets"/>):
/// `dotnet Mvps.Fuzz.dll [target]` runs under afl-fuzz; `dotnet Mvps.Fuzz.dll [target] file...` replays inputs
/// outside AFL (triage); `dotnet Mvps.Fuzz.dll sign-seed-release FOLDER KEY.pem` signs a folder for the seed corpus
/// (tests/Mvps.Fuzz/make-seeds.sh). The target is the first argument, else MVPS_FUZZ_TARGET, else "capture" (round 1's).
/// A finding is what <see cref="IFuzzTarget.Check"/> throws; AFL records it as a crash.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["sign-seed-release", string folder, string keyFile])
        {
            // Seeds for release-metadata: SHA256SUMS and the DSSE provenance, written by the real signer with a test key.
            using var key = SigningKey.Load(keyFile, environmentVariable: null);
            ReleaseSigner.Sign(folder, key, new ProvenanceInputs("Release", "0.0.0-fuzz", "https://example.invalid/mvps-evidence", new string('a', 40)) { SourceDateEpoch = 0 });
            return 0;
        }

        var name = Environment.GetEnvironmentVariable("MVPS_FUZZ_TARGET") is { Length: > 0 } fromEnvironment ? fromEnvironment : FuzzTargets.Capture;
        if (args.Length > 0 && FuzzTargets.Names.Contains(args[0], StringComparer.Ordinal))
        {
            name = args[0];
            args = args[1..];
        }

        // Files the target hands to file readers go to a folder of this process's own.
        var work = Path.Combine(Path.GetTempPath(), $"mvps-fuzz-{name}-{Environment.ProcessId}");
        var root = RepositoryRoot.Path;
        IFuzzTarget? target = null;
        try
        {
            if (args.Length > 0)
            {
                target = FuzzTargets.Create(name, work, root);
                foreach (var file in args)
                {
                    target.Check(File.ReadAllBytes(file));
                    Console.WriteLine($"{file}: no finding");
                }

                return 0;
            }

            Fuzzer.OutOfProcess.Run(stream =>
            {
                // Created on the first input: instrumented code may only run once SharpFuzz has AFL's coverage map.
                target ??= FuzzTargets.Create(name, work, root);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                target.Check(copy.ToArray());
            });
            return 0;
        }
        finally
        {
            (target as IDisposable)?.Dispose();
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
