using System.Globalization;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// The commands with which anyone confirms the captures with standard tools. Each one runs with bash
/// from the folder that holds the receipt (evidence/ or a release folder), with paths relative to it:
/// the captures, the receipt and the Lua dissector lie side by side there. Each one really works with
/// stock tools (tests run them exactly as written, in evidence/ and in a fresh release folder); the
/// seed's `data contains 43:4f:48:45` filter is deliberately absent: stock Wireshark's BFD dissector
/// claims the whole UDP payload, so no `data` layer exists to match (docs/verify-independently.md).
/// </summary>
public static class ValidationRecipe
{
    /// <summary>The Wireshark/tshark Lua dissector, next to the receipt in evidence/ and in every release.</summary>
    public const string DissectorFileName = "mvps_dissector.lua";

    /// <summary>
    /// How the `mvps` step gets the tool in a release folder, which holds the tool's package: installed
    /// from that folder alone (`--source .` replaces every other package source, so no other feed can
    /// answer for the name, and no network is needed), as a global tool (`~/.dotnet/tools` on PATH).
    /// `update` installs it when absent and replaces another installed version, so it can be run again.
    /// </summary>
    internal const string ToolSetup = "dotnet tool update --global mvps --prerelease --allow-downgrade --source .";

    /// <summary>Reads every record of a classic pcap and checks each tag with Python's standard library.</summary>
    private const string PythonHmacCheck =
        "import hmac, hashlib, struct, sys\n" +
        "key = b\"{KEY}\"\n" +
        "for name in sys.argv[1:]:\n" +
        "    data = open(name, \"rb\").read()\n" +
        "    offset, frames, valid = 24, 0, 0\n" +
        "    while offset < len(data):\n" +
        "        incl_len = struct.unpack_from(\"<I\", data, offset + 8)[0]\n" +
        "        frame = data[offset + 16 : offset + 16 + incl_len]\n" +
        "        offset += 16 + incl_len\n" +
        "        frames += 1\n" +
        "        tag = hmac.new(key, frame[42:98], hashlib.sha256).digest()[:12]\n" +
        "        valid += hmac.compare_digest(tag, frame[98:110])\n" +
        "    print(f\"{name}: {frames} frames, {valid} tags valid\")";

    internal static IReadOnlyList<RecipeStep> Build(ReceiptSettings settings, IReadOnlyList<(string File, string Sha256, long Bytes, long Packets)> captures)
    {
        var steps = new List<RecipeStep>();
        var files = string.Join(' ', captures.Select(c => c.File));

        steps.Add(new RecipeStep(
            "sha256",
            "Each capture has the SHA-256 stated in this receipt.",
            $"sha256sum {files}",
            string.Join('\n', captures.Select(c => $"{c.Sha256}  {c.File}"))));

        foreach (var capture in captures)
        {
            var path = capture.File;
            var packets = capture.Packets.ToString(CultureInfo.InvariantCulture);
            steps.Add(new RecipeStep(
                $"capinfos-{Stem(capture.File)}",
                "Classic libpcap, Ethernet, microsecond timestamps, the stated packet count and size.",
                $"capinfos -M -t -E -c -s -l {path}",
                Invariant($"File name:           {path}\nFile type:           pcap\nFile encapsulation:  ether\nPacket size limit:   file hdr: 65535 bytes\nNumber of packets:   {packets}\nFile size:           {capture.Bytes} bytes")));
            steps.Add(new RecipeStep(
                $"magic-frame-offset-{Stem(capture.File)}",
                "The COHE magic sits at frame offset 74 in every frame (stock tshark, no dissector).",
                $"tshark -r {path} -Y 'frame[74:4] == \"COHE\"' -T fields -e frame.number | wc -l",
                packets));
            steps.Add(new RecipeStep(
                $"magic-payload-offset-{Stem(capture.File)}",
                "The COHE magic sits at UDP payload offset 32 in every frame (stock tshark, no dissector).",
                $"tshark -r {path} -Y 'udp.payload[32:4] == 43:4f:48:45' -T fields -e frame.number | wc -l",
                packets));
            steps.Add(new RecipeStep(
                $"lua-hmac-{Stem(capture.File)}",
                "The Lua dissector decodes every frame and finds every HMAC tag valid.",
                $"tshark -X lua_script:{DissectorFileName} -r {path} -Y 'mvps.hmac_valid == 1' -T fields -e frame.number | wc -l",
                packets));
        }

        if (settings.PublicKeyText is string key)
        {
            steps.Add(new RecipeStep(
                "python-hmac",
                "Every frame's truncated HMAC-SHA256 tag checks out with Python's standard library alone.",
                $"python3 -c '{PythonHmacCheck.Replace("{KEY}", key, StringComparison.Ordinal)}' {files}",
                string.Join('\n', captures.Select(c => Invariant($"{c.File}: {c.Packets} frames, {c.Packets} tags valid")))));
        }

        steps.Add(new RecipeStep(
            "mvps-verify",
            "The reference tool checks layout, checksums, tags, tick order and every hash of this receipt (in a release folder, `setup` first installs it from the folder's mvps package).",
            $"mvps verify {files} --receipt {ReceiptWriter.FileName} --quiet",
            string.Join('\n', captures.Select(c => Invariant($"{c.File}: OK, {c.Packets} frames, receipt matches"))))
        {
            Setup = ToolSetup,
        });
        return steps;
    }

    private static string Stem(string file) => Path.GetFileNameWithoutExtension(file).Replace("mvps_", "", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
