"""A bounded flood against `mvps send` for FloodTests (docs/interop.md), Python standard library only.

Usage (as root, inside the peer namespace of a test network):
  bfd_flooder.py INTERFACE SOURCE TARGET OUR_DISCRIMINATOR RATE SECONDS SEED

It first copies one of the peer's (FRR's) own packets as it leaves INTERFACE (a packet socket): state Up, no
Poll/Final, Your Discriminator ours. Then it sends RATE * SECONDS datagrams from SOURCE to TARGET:3784, paced
at RATE per second, five kinds in turn:
  garbage         random bytes of random length
  discriminator   the peer's packet with Your Discriminator wrong or zero, or My Discriminator zero
  ttl254          the peer's packet unchanged, sent with TTL 254
  badtag          the peer's packet followed by a Coherence extension whose tag is random (a quarter of them
                  with a broken extension instead: wrong magic, wrong version or one byte too many)
  oversized       the peer's packet padded to 300..1472 bytes (one Ethernet frame, no IP fragments)
Each datagram is classified by the reason `mvps send` must discard it for (verdict() below: an independent
restatement of the order of its checks); a garbage datagram that would pass is never sent. Only addresses in
203.0.113.0/24 are accepted, at most 50,000 datagrams per second for at most 10 s, and the flood stops after
12 times its planned duration whatever was sent. Prints "flooding" when it starts, then one JSON line.
"""
import ipaddress
import json
import random
import socket
import struct
import sys
import time

BFD_PORT = 3784
ETH_P_ALL = 0x0003  # only taps for every protocol see outgoing packets
ETH_P_IP = 0x0800
MAX_DATAGRAM = 255 + 44  # PeerDatagramFilter.MaxDatagramLength
POOL = 256
TEST_NET = ipaddress.ip_network('203.0.113.0/24')
KINDS = ['garbage', 'discriminator', 'ttl254', 'badtag', 'oversized']


def verdict(p, ttl, ours):
    """The PacketVerdict name `mvps send` gives datagram p from the peer's address, or None if it is accepted."""
    n = len(p)
    if n > MAX_DATAGRAM:
        return 'Oversized'
    if ttl != 255:
        return 'WrongTtl'
    if n < 24:
        return 'Truncated'
    version, state, flags, mult, length = p[0] >> 5, p[1] >> 6, p[1] & 0x3F, p[2], p[3]
    my, your = struct.unpack_from('!II', p, 4)
    auth = flags & 0x04
    if version != 1:
        return 'WrongVersion'
    if length < (26 if auth else 24) or length > n:
        return 'BadLength'
    if mult == 0:
        return 'ZeroDetectMultiplier'
    if flags & 0x01:
        return 'MultipointSet'
    if my == 0:
        return 'ZeroMyDiscriminator'
    if your not in (0, ours):
        return 'UnknownYourDiscriminator'
    if your == 0 and state not in (0, 1):
        return 'ZeroYourDiscriminator'
    if auth:
        return 'UnexpectedAuthentication'
    if n > length:
        extension_ok = n == 68 and length == 24 and p[24] == 3 and p[25] & 0x7F == 0 and p[32:36] == b'COHE'
        # A random 12-byte tag verifies with probability 2^-96.
        return 'BadTag' if extension_ok else 'MalformedExtension'
    return None


def copy_peer_packet(interface, source, target, ours, limit_seconds):
    """The UDP payload of one of the peer's packets to TARGET:3784 as it leaves INTERFACE: Up, no P/F, ours."""
    sniffer = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_ALL))
    try:
        sniffer.bind((interface, ETH_P_ALL))
        sniffer.settimeout(1.0)
        deadline = time.monotonic() + limit_seconds
        while time.monotonic() < deadline:
            try:
                ip, (_, protocol, _, _, _) = sniffer.recvfrom(2048)
            except socket.timeout:
                continue
            if protocol != ETH_P_IP or len(ip) < 20 or ip[0] >> 4 != 4 or ip[9] != 17:
                continue
            header = (ip[0] & 0x0F) * 4
            if ip[12:16] != source.packed or ip[16:20] != target.packed or len(ip) < header + 8 + 24:
                continue
            if struct.unpack_from('!H', ip, header + 2)[0] != BFD_PORT:
                continue
            payload = bytes(ip[header + 8:])
            if payload[1] >> 6 == 3 and payload[1] & 0x30 == 0 and struct.unpack_from('!I', payload, 8)[0] == ours:
                return payload
    finally:
        sniffer.close()
    sys.exit('no packet of the peer in state Up seen on %s within %d s' % (interface, limit_seconds))


def pools(rng, peer, ours):
    """POOL datagrams per kind, each as (bytes, ttl, the reason it must be discarded for)."""
    def garbage():
        while True:
            p = rng.randbytes(rng.randint(1, MAX_DATAGRAM))
            if verdict(p, 255, ours) is not None:
                return p

    def discriminator(i):
        p = bytearray(peer)
        if i % 3 == 0:
            wrong = ours
            while wrong in (0, ours):
                wrong = rng.getrandbits(32)
            struct.pack_into('!I', p, 8, wrong)
        elif i % 3 == 1:
            struct.pack_into('!I', p, 8, 0)
        else:
            struct.pack_into('!I', p, 4, 0)
        return bytes(p)

    def badtag(i):
        extension = struct.pack('!BBHI4sIifff', 3, 0x80 if i % 2 else 0, 20, 200000, b'COHE',
                                rng.getrandbits(32), rng.randint(-500000, 500000), rng.random(), rng.random(), rng.random())
        tag = rng.randbytes(12)
        p = bytearray(peer[:24] + extension + tag)
        if i % 4 == 3:
            broken = (i // 4) % 3
            if broken == 0:
                p[32:36] = b'COHF'
            elif broken == 1:
                p[24] = 4
            else:
                p += b'\x00'
        return bytes(p)

    def oversized():
        return peer + rng.randbytes(rng.randint(MAX_DATAGRAM + 1, 1472) - len(peer))

    made = {
        'garbage': [(garbage(), 255) for _ in range(POOL)],
        'discriminator': [(discriminator(i), 255) for i in range(POOL)],
        'ttl254': [(peer, 254) for _ in range(POOL)],
        'badtag': [(badtag(i), 255) for i in range(POOL)],
        'oversized': [(oversized(), 255) for _ in range(POOL)],
    }
    classified = {kind: [(p, ttl, verdict(p, ttl, ours)) for p, ttl in made[kind]] for kind in KINDS}
    assert all(reason is not None for pool in classified.values() for _, _, reason in pool), 'a flood datagram would be accepted'
    return classified


def main():
    interface, source, target = sys.argv[1], ipaddress.ip_address(sys.argv[2]), ipaddress.ip_address(sys.argv[3])
    ours, rate, seconds, seed = int(sys.argv[4], 0), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
    if source not in TEST_NET or target not in TEST_NET:
        sys.exit('only addresses in %s' % TEST_NET)
    if not (0 < rate <= 50000 and 0 < seconds <= 10):
        sys.exit('at most 50000 datagrams per second for at most 10 s')

    peer = copy_peer_packet(interface, source, target, ours, 30)
    rng = random.Random(seed)
    kinds = pools(rng, peer, ours)
    sockets = {}
    for ttl in (255, 254):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
        s.bind((str(source), 0))
        sockets[ttl] = s

    # One cycle of the flood in sending order, the kinds in turn; hits counts what was sent from each entry.
    order, meta = [], []
    for j in range(POOL):
        for kind in KINDS:
            packet, ttl, reason = kinds[kind][j]
            order.append((sockets[ttl].sendto, packet))
            meta.append((kind, reason))
    hits = [0] * len(order)
    planned = int(rate * seconds)
    errors = 0
    destination = (str(target), BFD_PORT)
    print('flooding %d datagrams at %d per second; the peer\'s packet: %s' % (planned, rate, peer.hex()), flush=True)
    start = time.monotonic()
    hard_stop = start + 12 * seconds
    attempted = 0
    while attempted < planned:
        now = time.monotonic()
        if now > hard_stop:
            break
        due = min(planned, int((now - start) * rate) + 1)
        while attempted < due:
            j = attempted % len(order)
            send, packet = order[j]
            attempted += 1
            try:
                send(packet, destination)
            except OSError:
                errors += 1
                continue
            hits[j] += 1
        wait = start + attempted / rate - time.monotonic()
        if wait > 0.001:
            time.sleep(wait)  # pacing only: the rate reached is measured below
    elapsed = time.monotonic() - start
    for s in sockets.values():
        s.close()
    sent = sum(hits)
    by_kind = {k: 0 for k in KINDS}
    by_reason = {}
    for (kind, reason), count in zip(meta, hits):
        by_kind[kind] += count
        by_reason[reason] = by_reason.get(reason, 0) + count
    print(json.dumps({
        'planned': planned, 'sent': sent, 'sendErrors': errors, 'seconds': round(elapsed, 6),
        'rate': round(sent / elapsed, 1) if elapsed > 0 else 0,
        'byKind': by_kind, 'byReason': dict(sorted(by_reason.items())),
    }, sort_keys=False), flush=True)


if __name__ == '__main__':
    main()
