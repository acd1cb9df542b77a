using System.Text.RegularExpressions;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Wire;

/// <summary>
/// The derived locations (<see cref="FieldLocations"/>, each the previous one plus its length) against the normative
/// table: the field-by-field table of docs/wire-format.md, which follows the seed's offsets.
/// </summary>
public partial class FrameLayoutTests
{
    /// <summary>Each documented field name and the location and length the code gives it.</summary>
    public static TheoryData<string, int, int> Fields => new()
    {
        { "eth.dst", FieldLocations.EthernetDestination, FieldLengths.EthernetDestination },
        { "eth.src", FieldLocations.EthernetSource, FieldLengths.EthernetSource },
        { "eth.type", FieldLocations.EtherType, FieldLengths.EtherType },
        { "version / IHL", FieldLocations.Ipv4VersionIhl, FieldLengths.Ipv4VersionIhl },
        { "TOS", FieldLocations.Ipv4Tos, FieldLengths.Ipv4Tos },
        { "total length", FieldLocations.Ipv4TotalLength, FieldLengths.Ipv4TotalLength },
        { "identification", FieldLocations.Ipv4Identification, FieldLengths.Ipv4Identification },
        { "flags / fragment", FieldLocations.Ipv4FlagsFragment, FieldLengths.Ipv4FlagsFragment },
        { "TTL", FieldLocations.Ipv4Ttl, FieldLengths.Ipv4Ttl },
        { "protocol", FieldLocations.Ipv4Protocol, FieldLengths.Ipv4Protocol },
        { "header checksum", FieldLocations.Ipv4Checksum, FieldLengths.Ipv4Checksum },
        { "source", FieldLocations.Ipv4Source, FieldLengths.Ipv4Source },
        { "destination", FieldLocations.Ipv4Destination, FieldLengths.Ipv4Destination },
        { "UDP source port", FieldLocations.UdpSourcePort, FieldLengths.UdpSourcePort },
        { "UDP destination port", FieldLocations.UdpDestinationPort, FieldLengths.UdpDestinationPort },
        { "UDP length", FieldLocations.UdpLength, FieldLengths.UdpLength },
        { "UDP checksum", FieldLocations.UdpChecksum, FieldLengths.UdpChecksum },
        { "BFD version / diag", FieldLocations.BfdVersionDiag, FieldLengths.BfdVersionDiag },
        { "BFD state / flags", FieldLocations.BfdStateFlags, FieldLengths.BfdStateFlags },
        { "detect mult", FieldLocations.BfdDetectMultiplier, FieldLengths.BfdDetectMultiplier },
        { "BFD length", FieldLocations.BfdLength, FieldLengths.BfdLength },
        { "my discriminator", FieldLocations.BfdMyDiscriminator, FieldLengths.BfdMyDiscriminator },
        { "your discriminator", FieldLocations.BfdYourDiscriminator, FieldLengths.BfdYourDiscriminator },
        { "desired min TX", FieldLocations.BfdDesiredMinTx, FieldLengths.BfdDesiredMinTx },
        { "required min RX", FieldLocations.BfdRequiredMinRx, FieldLengths.BfdRequiredMinRx },
        { "required min echo RX", FieldLocations.BfdRequiredMinEchoRx, FieldLengths.BfdRequiredMinEchoRx },
        { "MVPS extension version", FieldLocations.ExtensionVersion, FieldLengths.ExtensionVersion },
        { "MVPS flags", FieldLocations.ExtensionFlags, FieldLengths.ExtensionFlags },
        { "vantage id", FieldLocations.VantageId, FieldLengths.VantageId },
        { "lattice period", FieldLocations.LatticePeriod, FieldLengths.LatticePeriod },
        { "magic", FieldLocations.Magic, FieldLengths.Magic },
        { "tick k", FieldLocations.Tick, FieldLengths.Tick },
        { "φ", FieldLocations.Phi, FieldLengths.Phi },
        { "C1", FieldLocations.C1, FieldLengths.C1 },
        { "C2", FieldLocations.C2, FieldLengths.C2 },
        { "C3", FieldLocations.C3, FieldLengths.C3 },
        { "tag", FieldLocations.Tag, FieldLengths.Tag },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Each_derived_location_and_length_is_the_documented_one(string field, int location, int length)
    {
        Assert.True(DocumentedFields().TryGetValue(field, out var documented), $"no row for \"{field}\" in docs/wire-format.md");
        Assert.Equal(documented, (location, length));
    }

    [Fact]
    public void The_documented_fields_tile_the_frame_and_the_code_names_every_one()
    {
        var documented = DocumentedFields();
        Assert.Equal(Fields.Count, documented.Count);

        var next = 0;
        foreach ((var offset, var length) in documented.Values.OrderBy(v => v.Offset))
        {
            Assert.Equal(next, offset);
            next = offset + length;
        }

        Assert.Equal(FieldLengths.Frame, next);
    }

    /// <summary>The header and section lengths are spans of the derived locations, as the seed's coarse table has them.</summary>
    [Fact]
    public void Header_lengths_are_the_seeds()
    {
        Assert.Equal((0, 14), (FieldLocations.EthernetDestination, FieldLengths.EthernetHeader));
        Assert.Equal((14, 20), (FieldLocations.Ipv4, FieldLengths.Ipv4Header));
        Assert.Equal((34, 8), (FieldLocations.Udp, FieldLengths.UdpHeader));
        Assert.Equal((42, 24 + 8), (FieldLocations.Bfd, FieldLengths.BfdControl + FieldLengths.ExtensionHeader));
        Assert.Equal((74, 4), (FieldLocations.Magic, FieldLengths.Magic));
        Assert.Equal((98, 12), (FieldLocations.Tag, FieldLengths.Tag));
        Assert.Equal(110, FieldLengths.Frame);
        Assert.Equal(68, FieldLengths.UdpPayload);
        Assert.Equal(56, FieldLengths.Authenticated);
    }

    private static Dictionary<string, (int Offset, int Length)> DocumentedFields()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "wire-format.md"));
        var fields = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (Match row in FieldRow().Matches(doc))
        {
            var bytes = row.Groups["bytes"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            fields.Add(row.Groups["field"].Value.Trim(), (int.Parse(row.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture), bytes));
        }

        return fields;
    }

    /// <summary>A row of the field-by-field table: offset, the bytes in backquotes, the field's name.</summary>
    [GeneratedRegex(@"^\| (?<offset>\d+) \| `(?<bytes>[0-9a-f ]+)` \| (?<field>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex FieldRow();
}
