namespace Mvps.Tool;

/// <summary>The documented exit codes of every mvps command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int VerificationFailed = 1;
    public const int UnusableInput = 2;
}
