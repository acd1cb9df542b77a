using Mvps.Build.Determinism;
using Mvps.Build.Engine;

/// <summary>The source repository's URL as the release names it, read from git rather than written into the build.</summary>
internal static class RepositoryUrls
{
    /// <summary>git's remote origin, with scp-like ssh forms (git@host:owner/repo.git) as https; null without a remote.</summary>
    public static string? FromGitRemote(AbsolutePath root)
    {
        var result = ProcessTasks.StartProcess("git", ["remote", "get-url", "origin"], root, throwOnFailure: false, logOutput: false);
        var url = result.ExitCode == 0 ? result.StandardOutput.Trim() : "";
        return url.Length == 0 ? null : Normalize(url);
    }

    public static string Normalize(string url)
    {
        if (!url.Contains("://", StringComparison.Ordinal) && url.IndexOf('@') is var at and >= 0 && url.IndexOf(':') is var colon && colon > at)
        {
            url = "https://" + url[(at + 1)..colon] + "/" + url[(colon + 1)..];
        }
        else if (url.StartsWith("ssh://", StringComparison.Ordinal) && url.IndexOf('@') is var sshAt and >= 0)
        {
            url = "https://" + url[(sshAt + 1)..];
        }

        return url.EndsWith(".git", StringComparison.Ordinal) ? url[..^".git".Length] : url;
    }
}
