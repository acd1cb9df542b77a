using System.Globalization;

namespace Mvps.Evidence.Receipt;

/// <summary>
/// The commands with which anyone confirms the captures with standard tools. Each one really works
/// with stock tools (tests run them exactly as written); the seed's `data contains 43:4f:48:45`
/// filter is deliberately absent: stock Wireshark's BFD dissector claims the whole UDP payload,
/// so no `data` layer exists to match (docs/verify-independently.md).
/// </summary>
public static class ValidationRecipe
{
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

    public static IReadOnlyList<RecipeStep> Build(ReceiptSettings settings, IReadOnlyList<(string File, string Sha256, long Bytes, long Packets)> captures)
    {
        var steps = new List<RecipeStep>();
        string files = string.Join(' ', captures.Select(c => settings.PathPrefix + c.File));

        steps.Add(new RecipeStep(
            "sha256",
            "Each capture has the SHA-256 stated in this receipt.",
            $"sha256sum {files}",
            string.Join('\n', captures.Select(c => $"{c.Sha256}  {settings.PathPrefix}{c.File}"))));

        foreach (var capture in captures)
        {
            string path = settings.PathPrefix + capture.File;
            string packets = capture.Packets.ToString(CultureInfo.InvariantCulture);
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
                $"tshark -X lua_script:tools/mvps_dissector.lua -r {path} -Y 'mvps.hmac_valid == 1' -T fields -e frame.number | wc -l",
                packets));
        }

        if (settings.PublicKeyText is string key)
        {
            steps.Add(new RecipeStep(
                "python-hmac",
                "Every frame's truncated HMAC-SHA256 tag checks out with Python's standard library alone.",
                $"python3 -c '{PythonHmacCheck.Replace("{KEY}", key, StringComparison.Ordinal)}' {files}",
                string.Join('\n', captures.Select(c => Invariant($"{settings.PathPrefix}{c.File}: {c.Packets} frames, {c.Packets} tags valid")))));
        }

        steps.Add(new RecipeStep(
            "mvps-verify",
            "The reference tool checks layout, checksums, tags, tick order and every hash of this receipt.",
            $"mvps verify {files} --receipt {settings.PathPrefix}mvps_pcap_receipt.json --quiet",
            string.Join('\n', captures.Select(c => Invariant($"{settings.PathPrefix}{c.File}: OK, {c.Packets} frames, receipt matches")))));
        return steps;
    }

    private static string Stem(string file) => Path.GetFileNameWithoutExtension(file).Replace("mvps_", "", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
