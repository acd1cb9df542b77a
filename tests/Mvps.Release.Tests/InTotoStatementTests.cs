using System.Text;
using System.Text.Json;

namespace Mvps.Release.Tests;

public sealed class InTotoStatementTests
{
    private static readonly ChecksumEntry[] Subjects = [new("b.pcap", new string('b', 64)), new("a.json", new string('a', 64))];

    [Fact]
    public void StatementHasTheFixedShapeAndOrder()
    {
        var inputs = new ProvenanceInputs("Release", "1.0.0", "https://example.invalid/repo.git", new string('c', 40))
        {
            SourceDateEpoch = 1_700_000_000,
            InvocationId = "run-7",
            ExternalParameters = new Dictionary<string, string> { ["z"] = "last", ["configuration"] = "Release" },
            InternalParameters = new Dictionary<string, string> { ["sdk"] = "10.0.401" },
        };

        var json = Encoding.UTF8.GetString(InTotoStatement.Create(Subjects, inputs, ephemeralKey: false));

        Assert.Equal(
            "{\"_type\":\"https://in-toto.io/Statement/v1\"," +
            "\"subject\":[{\"name\":\"a.json\",\"digest\":{\"sha256\":\"" + new string('a', 64) + "\"}},{\"name\":\"b.pcap\",\"digest\":{\"sha256\":\"" + new string('b', 64) + "\"}}]," +
            "\"predicateType\":\"https://slsa.dev/provenance/v1\"," +
            "\"predicate\":{\"buildDefinition\":{\"buildType\":\"" + ProvenanceInputs.DefaultBuildType + "\"," +
            "\"externalParameters\":{\"target\":\"Release\",\"version\":\"1.0.0\",\"configuration\":\"Release\",\"z\":\"last\"}," +
            "\"internalParameters\":{\"sdk\":\"10.0.401\"}," +
            "\"resolvedDependencies\":[{\"uri\":\"git+https://example.invalid/repo.git\",\"digest\":{\"gitCommit\":\"" + new string('c', 40) + "\"}}]}," +
            "\"runDetails\":{\"builder\":{\"id\":\"" + ProvenanceInputs.DefaultBuilderId + "\"},\"metadata\":{\"invocationId\":\"run-7\",\"startedOn\":\"2023-11-14T22:13:20Z\"}}}}",
            json);
    }

    [Fact]
    public void NoTimestampAndNoMetadataUnlessGiven()
    {
        var inputs = new ProvenanceInputs("Release", "1.0.0", "git+file:///repo", new string('d', 64));

        var json = Encoding.UTF8.GetString(InTotoStatement.Create(Subjects, inputs, ephemeralKey: false));

        Assert.DoesNotContain("startedOn", json);
        Assert.DoesNotContain("metadata", json);
        Assert.DoesNotContain("internalParameters", json);
        Assert.DoesNotContain(InTotoStatement.SigningKeyParameter, json);
        Assert.Contains("\"uri\":\"git+file:///repo\"", json);
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public void EphemeralKeyIsMarkedInExternalParametersAndReadBack()
    {
        var statement = InTotoStatement.Create(Subjects, TestRelease.Provenance, ephemeralKey: true);

        using var document = JsonDocument.Parse(statement);
        var marker = document.RootElement.GetProperty("predicate").GetProperty("buildDefinition")
            .GetProperty("externalParameters").GetProperty("signingKey").GetString();
        Assert.Equal("ephemeral (throwaway, not for publication)", marker);
        Assert.True(InTotoStatement.Read(statement).SignedWithEphemeralKey);
        Assert.False(InTotoStatement.Read(InTotoStatement.Create(Subjects, TestRelease.Provenance, ephemeralKey: false)).SignedWithEphemeralKey);
    }

    [Fact]
    public void SameInputsGiveIdenticalBytes()
    {
        Assert.Equal(
            InTotoStatement.Create(Subjects, TestRelease.Provenance, ephemeralKey: false),
            InTotoStatement.Create(Subjects.Reverse(), TestRelease.Provenance with { }, ephemeralKey: false));
    }

    [Fact]
    public void ReadReturnsTheSubjectsSorted()
    {
        var read = InTotoStatement.Read(InTotoStatement.Create(Subjects, TestRelease.Provenance, ephemeralKey: false));

        Assert.Equal(["a.json", "b.pcap"], read.Subjects.Select(s => s.Name));
        Assert.Equal(new string('b', 64), read.Subjects[1].Sha256);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(253_402_300_800L)]
    public void TimestampsOutsideRfc3339RangeAreRejected(long seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InTotoStatement.Create(Subjects, TestRelease.Provenance with { SourceDateEpoch = seconds }, false));
    }

    [Fact]
    public void ReservedExternalParametersAndBadCommitsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => InTotoStatement.Create(Subjects,
            TestRelease.Provenance with { ExternalParameters = new Dictionary<string, string> { ["signingKey"] = "mine" } }, false));
        Assert.Throws<ArgumentException>(() => InTotoStatement.Create(Subjects, TestRelease.Provenance with { GitCommit = "ABC" }, false));
    }

    [Fact]
    public void SourceDateEpochParsesDecimalSecondsOnly()
    {
        Assert.Equal(1_700_000_000, SourceDateEpoch.Parse("1700000000", "test"));
        var e = Assert.Throws<ReleaseInputException>(() => SourceDateEpoch.Parse("-5", "SOURCE_DATE_EPOCH"));
        Assert.StartsWith("SOURCE_DATE_EPOCH:", e.Message);
        Assert.Equal("1970-01-01T00:00:00Z", SourceDateEpoch.ToRfc3339(0));
    }
}
