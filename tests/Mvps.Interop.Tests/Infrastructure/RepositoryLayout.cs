namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Paths inside the repository (<see cref="RepositoryRoot"/>) the interop tests use.</summary>
internal static class RepositoryLayout
{
    public static string EvidenceDirectory => Path.Combine(RepositoryRoot.Path, "evidence");

    public static string ReceiptPath => Path.Combine(EvidenceDirectory, EvidenceFiles.Receipt);

    public static string Dissector => Path.Combine(EvidenceDirectory, "mvps_dissector.lua");

    public static string DissectorSelfTest => Path.Combine(RepositoryRoot.Path, "tools", "mvps_dissector_selftest.lua");
}
