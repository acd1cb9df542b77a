/// <summary>
/// One way of running the generator. Runs differ in everything that must not matter: working directory,
/// time zone, culture, HOME, umask, and the JIT's code generation (tiering, SIMD width).
/// </summary>
sealed record EvidenceRun(string Name, string Description, bool OwnWorkingDirectory, string Umask, IReadOnlyDictionary<string, string> Environment)
{
    public static readonly EvidenceRun Plain = new("a", "plain: repository root as working directory, inherited environment", false, "022", new Dictionary<string, string>());

    public static readonly EvidenceRun Perturbed = new(
        "b",
        "perturbed: own working directory and HOME, TZ Pacific/Chatham, Turkish culture, umask 077, JIT without tiering and without hardware intrinsics (no SIMD)",
        true,
        "077",
        new Dictionary<string, string>
        {
            ["TZ"] = "Pacific/Chatham",
            ["LANG"] = "tr_TR.UTF-8",
            ["LC_ALL"] = "tr_TR.UTF-8",
            ["HOME"] = "{temp}",
            ["DOTNET_TieredCompilation"] = "0",
            ["DOTNET_EnableHWIntrinsic"] = "0",
            ["DOTNET_gcServer"] = "1",
        });

    static readonly IReadOnlyList<EvidenceRun> Known = [Plain, Perturbed];

    /// <summary>The runs named by the Runs parameter, run a always first (everything is diffed against it).</summary>
    public static IReadOnlyList<EvidenceRun> Select(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(name => Known.All(run => run.Name != name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new Mvps.Build.Engine.BuildException($"Unknown evidence run(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Known.Select(run => run.Name))}.");
        }

        return [Plain, .. Known.Where(run => run.Name != "a" && wanted.Contains(run.Name))];
    }
}
