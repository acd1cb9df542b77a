#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target into OUT/<target>/in (docs/performance.md, "Fuzzing").

Small files made from real outputs: frames from evidence/ re-wrapped in every encapsulation the dissector
reads, a receipt from evidence/ cut to two frames per capture, PEM keys from openssl, a release signed by
the real signer with a test key (through the harness's sign-seed-release), and BFD session scripts.
Usage: make-seeds.py OUT HARNESS_DLL
"""
import json, os, struct, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out, harness = sys.argv[1], sys.argv[2]


def put(target, name, data):
    folder = os.path.join(out, target, "in")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def pcap_records(path):
    data = open(path, "rb").read()
    at, records = 24, []
    while at + 16 <= len(data):
        incl = struct.unpack_from("<I", data, at + 8)[0]
        records.append(data[at + 16:at + 16 + incl])
        at += 16 + incl
    return data[:24], records


# --- dissector: one record per encapsulation (first byte picks the link type), and a multi-interface pcapng.
header, frames = pcap_records(os.path.join(root, "evidence", "mvps_baseline.pcap"))
frame = frames[0]                      # Ethernet / IPv4 / UDP 3784 / BFD + MVPS extension
ip4 = frame[14:]
udp = ip4[20:]
LINK = {"null": 0, "ethernet": 1, "raw": 2, "loop": 3, "sll": 4, "ipv4": 5, "ipv6": 6, "sll2": 7}


def ipv6(payload_udp, ext=b"", first_next=17):
    return (struct.pack(">IHBB", 0x60000000, len(ext) + len(payload_udp), first_next, 255)
            + bytes(range(16)) + bytes(range(16, 32)) + ext + payload_udp)


# hop-by-hop (8 bytes), destination options (8 bytes), atomic fragment header, then UDP.
ext = (bytes([60, 0]) + b"\x01\x04\x00\x00\x00\x00"      # HBH -> DestOpts, PadN
       + bytes([44, 0]) + b"\x01\x04\x00\x00\x00\x00"    # DestOpts -> Fragment
       + bytes([17, 0, 0, 0]) + b"\x00\x00\x00\x01")     # Fragment -> UDP, offset 0, M=0: atomic
ip6 = ipv6(udp)
ip6ext = ipv6(udp, ext, first_next=0)
eth_hdr = frame[:12]
vlan = eth_hdr + b"\x81\x00\x00\x64" + b"\x08\x00" + ip4
qinq = eth_hdr + b"\x88\xa8\x00\xc8" + b"\x81\x00\x00\x64" + b"\x08\x00" + ip4
eth6 = eth_hdr + b"\x86\xdd" + ip6ext
sll = struct.pack(">HHH8sH", 0, 1, 6, frame[6:12] + b"\0\0", 0x0800) + ip4
sll2 = struct.pack(">HHIHBB8s", 0x86DD, 0, 2, 1, 0, 6, frame[6:12] + b"\0\0") + ip6
records = {
    "eth-ipv4": (LINK["ethernet"], frame),
    "eth-vlan": (LINK["ethernet"], vlan),
    "eth-qinq": (LINK["ethernet"], qinq),
    "eth-ipv6-ext": (LINK["ethernet"], eth6),
    "sll-ipv4": (LINK["sll"], sll),
    "sll2-ipv6": (LINK["sll2"], sll2),
    "raw-ipv4": (LINK["raw"], ip4),
    "raw-ipv6-ext": (LINK["raw"], ip6ext),
    "ipv4": (LINK["ipv4"], ip4),
    "ipv6": (LINK["ipv6"], ip6),
    "null-ipv4": (LINK["null"], struct.pack("<I", 2) + ip4),
    "loop-ipv6": (LINK["loop"], struct.pack(">I", 24) + ip6),
}
for name, (link, data) in records.items():
    put("dissector", name + ".bin", bytes([link]) + data)


def block(kind, body):
    body += b"\0" * (-len(body) % 4)
    return struct.pack("<II", kind, len(body) + 12) + body + struct.pack("<I", len(body) + 12)


def epb(interface, data):
    return block(6, struct.pack("<IIIII", interface, 0, 0, len(data), len(data)) + data)


shb = block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
idbs = b"".join(block(1, struct.pack("<HHI", link, 0, 0)) for link in (1, 276, 101, 113))
ng = shb + idbs + epb(0, qinq) + epb(1, sll2) + epb(2, ip6ext) + epb(3, sll) + epb(0, frame)
put("dissector", "pcapng-4-interfaces.bin", ng)

# --- receipt: evidence/'s receipt with two frames per capture (the target checks it against a two-frame cut).
receipt = json.load(open(os.path.join(root, "evidence", "mvps_pcap_receipt.json")))
for capture in receipt["captures"]:
    capture["frames"] = capture["frames"][:2]
put("receipt", "evidence-2-frames.json", (json.dumps(receipt, indent=2) + "\n").encode())
receipt["captures"] = receipt["captures"][:1]
receipt["captures"][0]["frames"] = receipt["captures"][0]["frames"][:1]
put("receipt", "evidence-1-capture-1-frame.json", json.dumps(receipt, separators=(",", ":")).encode())

# --- pem-key: P-256 in PKCS#8, SEC 1 (with EC PARAMETERS first), public; P-384 (refused curve); encrypted.
with tempfile.TemporaryDirectory() as tmp:
    def openssl(*args, stdin=None):
        return subprocess.run(["openssl", *args], input=stdin, check=True, capture_output=True).stdout

    sec1 = openssl("ecparam", "-name", "prime256v1", "-genkey")
    pkcs8 = openssl("pkey", stdin=sec1)
    put("pem-key", "p256-sec1-with-params.pem", sec1)
    put("pem-key", "p256-pkcs8.pem", pkcs8)
    put("pem-key", "p256-public.pem", openssl("pkey", "-pubout", stdin=pkcs8))
    put("pem-key", "p384-pkcs8.pem", openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"))
    put("pem-key", "p256-encrypted.pem", openssl("pkey", "-aes128", "-passout", "pass:fuzz", stdin=pkcs8))

    # --- release-metadata: a release of the two evidence captures, signed by the real signer.
    folder = os.path.join(tmp, "release")
    os.makedirs(folder)
    for name in ("mvps_baseline.pcap", "mvps_ddos.pcap"):
        with open(os.path.join(root, "evidence", name), "rb") as src, open(os.path.join(folder, name), "wb") as dst:
            dst.write(src.read())
    key = os.path.join(tmp, "key.pem")
    with open(key, "wb") as f:
        f.write(pkcs8)
    subprocess.run(["dotnet", harness, "sign-seed-release", folder, key], check=True)
    put("release-metadata", "SHA256SUMS", open(os.path.join(folder, "SHA256SUMS"), "rb").read())
    envelope = open(os.path.join(folder, "mvps.intoto.jsonl"), "rb").read()
    put("release-metadata", "mvps.intoto.jsonl", envelope)
    put("release-metadata", "statement.json", __import__("base64").b64decode(json.loads(envelope)["payload"]))

# --- bfd-session: scripts of [op][length][payload]; op low bits 0 = receive, high six bits = 50 ms steps.
def bfd(state, flags=0, mine=0x0A0B0C0D, yours=0, mult=3, length=24, version=1, tx=300000, rx=300000):
    return struct.pack(">BBBBIIIII", version << 5, (state << 6) | flags, mult, length, mine, yours, tx, rx, 0)


def step(payload, op=0, ms50=2):
    return bytes([(ms50 << 2) | op, len(payload)]) + payload


ours = 0x4D565053
up = step(bfd(1)) + step(bfd(2, yours=ours)) + step(bfd(3, yours=ours))
put("bfd-session", "bring-up.bin", up)
put("bfd-session", "poll-final.bin", up + step(bfd(3, flags=0x20, yours=ours)) + step(bfd(3, flags=0x10, yours=ours)))
put("bfd-session", "detection-expiry.bin", up + step(b"", op=2, ms50=63))
put("bfd-session", "peer-down-admindown.bin", up + step(bfd(1, yours=ours)) + step(bfd(2, yours=ours)) + step(bfd(0, yours=ours)))
put("bfd-session", "local-admindown.bin", up + step(b"", op=3) + step(bfd(3, yours=ours)))
put("bfd-session", "rejections.bin", step(bfd(1, version=0)) + step(bfd(1, length=200)) + step(bfd(1, mult=0))
    + step(bfd(1, flags=0x01)) + step(bfd(1, mine=0)) + step(bfd(3, yours=7)) + step(bfd(3)) + step(bfd(1, flags=0x04, length=26) + b"\x01\x02")
    + step(bfd(1)[:20]))
put("bfd-session", "mvps-extension.bin", step(frame[42:]) + step(frame[42:], op=1))
