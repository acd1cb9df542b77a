namespace Mvps.Build.Engine;

/// <summary>A full path with Nuke's "/" combination operator.</summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string _path;

    private AbsolutePath(string path) => _path = path;

    public static AbsolutePath Create(string path)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        }

        return new AbsolutePath(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
    }

    public AbsolutePath Parent => new(Path.GetDirectoryName(_path) ?? _path);
    public string Name => Path.GetFileName(_path);

    public static AbsolutePath operator /(AbsolutePath left, string right) => Create(Path.Combine(left._path, right));

    public static implicit operator string(AbsolutePath path) => path._path;

    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(_path, other._path, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_path);
    public override string ToString() => _path;
}
