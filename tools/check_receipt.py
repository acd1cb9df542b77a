#!/usr/bin/env python3
"""Checks every claim of an MVPS receipt with the Python standard library only.

Usage: python3 check_receipt.py RECEIPT.json   (the captures are read from the receipt's folder)
"""
import hashlib, hmac, json, os, struct, sys

if len(sys.argv) != 2:
    sys.exit("usage: python3 check_receipt.py path/to/mvps_pcap_receipt.json")
receipt_path = sys.argv[1]
folder = os.path.dirname(receipt_path)
receipt = json.load(open(receipt_path))
key = receipt["hmac"]["key"].encode("ascii")

def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF

def decode(frame):
    ip, udp, p = frame[14:34], frame[34:42], frame[42:]
    pseudo = ip[12:20] + struct.pack("!BBH", 0, 17, len(udp) + len(p))
    udp_ok = csum(pseudo + udp[:6] + b"\0\0" + p) or 0xFFFF
    f = {
        "ipIdentification": struct.unpack("!H", ip[4:6])[0],
        "ipChecksum": f"0x{struct.unpack('!H', ip[10:12])[0]:04x}",
        "udpChecksum": f"0x{struct.unpack('!H', udp[6:8])[0]:04x}",
        "bfd": dict(zip(
            ["version", "diagnostic", "state", "flags", "detectMultiplier", "length", "myDiscriminator",
             "yourDiscriminator", "desiredMinTxUs", "requiredMinRxUs", "requiredMinEchoRxUs"],
            [p[0] >> 5, p[0] & 31, p[1] >> 6, p[1] & 63, p[2], p[3], *struct.unpack("!5I", p[4:24])])),
        "mvps": dict(zip(
            ["extensionVersion", "flags", "vantageId", "latticePeriodUs", "magic", "tick", "phiNs",
             "c1Bits", "c2Bits", "c3Bits"],
            [p[24], p[25], *struct.unpack("!HI", p[26:32]), p[32:36].decode("ascii"),
             *struct.unpack("!Ii", p[36:44]), *(f"0x{b:08x}" for b in struct.unpack("!3I", p[44:56]))])),
        "tag": p[56:68].hex(),
        "payloadSha256": hashlib.sha256(p).hexdigest(),
        "frameSha256": hashlib.sha256(frame).hexdigest(),
    }
    checks_ok = (csum(ip) == 0 and udp_ok == struct.unpack("!H", udp[6:8])[0]
                 and hmac.compare_digest(hmac.new(key, p[:56], hashlib.sha256).digest()[:12], p[56:68]))
    return f, checks_ok

for capture in receipt["captures"]:
    name = os.path.join(folder, capture["file"])
    data = open(name, "rb").read()
    magic, major, minor, _, _, snaplen, linktype = struct.unpack_from("<IHHiIII", data, 0)
    header_ok = (magic, major, minor, snaplen, linktype) == (0xA1B2C3D4, 2, 4, capture["snapLength"], capture["linkType"])
    offset, frames, mismatches, bad_checks = 24, [], [], 0
    while offset < len(data):
        sec, usec, incl, orig = struct.unpack_from("<IIII", data, offset)
        frame = data[offset + 16: offset + 16 + incl]
        offset += 16 + incl
        got, ok = decode(frame)
        bad_checks += not ok
        want = capture["frames"][len(frames)]
        got["timestampSeconds"], got["timestampMicroseconds"] = sec, usec
        for k, v in got.items():
            w = want[k]
            if isinstance(v, dict):
                diffs = [f"{k}.{kk}" for kk, vv in v.items() if w[kk] != vv]
            else:
                diffs = [k] if w != v else []
            mismatches += [f"frame {want['index']}: {d}" for d in diffs]
        frames.append((sec * 1_000_000 + usec, got))

    s, ticks, states = capture["summary"], [g["mvps"]["tick"] for _, g in frames], [g["bfd"]["state"] for _, g in frames]
    coh = [struct.unpack("!f", bytes.fromhex(g["mvps"][c][2:]))[0] for _, g in frames for c in ("c1Bits", "c2Bits", "c3Bits")]
    summary = {
        "firstTick": ticks[0], "lastTick": ticks[-1],
        "lostTicks": sum(b - a - 1 for a, b in zip(ticks, ticks[1:])),
        "maxGapUs": max(b[0] - a[0] for a, b in zip(frames, frames[1:])),
        "maxAbsPhiNs": max(abs(g["mvps"]["phiNs"]) for _, g in frames),
        "minCoherence": round(min(coh), 6), "maxCoherence": round(max(coh), 6),
        "alarms": sum(g["mvps"]["flags"] >> 7 for _, g in frames),
        "sessionTimeouts": sum(1 for i, (_, g) in enumerate(frames)
                               if g["bfd"]["state"] == 1 and g["bfd"]["diagnostic"] == 1
                               and (states[i - 1] if i else 3) == 3),
        "framesByState": {n: states.count(i) for i, n in enumerate(["AdminDown", "Down", "Init", "Up"])},
    }
    mismatches += [f"summary.{k}" for k in summary if summary[k] != s[k]]
    print(f"{name}: pcap header {'ok' if header_ok else 'WRONG'}, {len(frames)} frames (receipt {capture['packets']}), "
          f"{len(data)} bytes (receipt {capture['bytes']}), sha256 {'ok' if hashlib.sha256(data).hexdigest() == capture['sha256'] else 'WRONG'}, "
          f"checksums+tags bad on {bad_checks} frames, {len(mismatches)} field mismatches {mismatches[:5]}")
