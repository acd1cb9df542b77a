#!/usr/bin/env python3
"""Picks the kept corpus of one fuzz target (docs/performance.md, "Fuzzing").

pick-corpus.py MAPS CMIN DEST N: MAPS holds afl-showmap output for each file of CMIN (the afl-cmin set).
The seeds (queue names with "orig:") count as kept; then the queue entry adding most edges, again, up to N,
copied to DEST as afl-NNNN-OP.bin."""
import os, re, shutil, sys
maps, cmin, dest, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
tuples = {f: {x.split(":")[0] for x in open(os.path.join(maps, f)).read().split()} for f in os.listdir(maps)}
total = set().union(*tuples.values())
covered = set().union(*(v for f, v in tuples.items() if "orig:" in f))
seedcov = len(covered)
rest = {f: v for f, v in tuples.items() if "orig:" not in f}
picked = []
while rest and len(picked) < n:
    f = max(sorted(rest), key=lambda k: len(rest[k] - covered))
    if not rest[f] - covered:
        break
    covered |= rest.pop(f)
    picked.append(f)
os.makedirs(dest, exist_ok=True)
for f in picked:
    m = re.match(r"id:(\d+),.*op:([a-z0-9_]+)", f) or re.match(r"id:(\d+),", f)
    op = m.group(2) if m.lastindex and m.lastindex >= 2 else "sync"
    shutil.copy(os.path.join(cmin, f), os.path.join(dest, f"afl-{int(m.group(1)):04d}-{op}.bin"))
print(f"tuples: all cmin {len(total)}, seeds {seedcov}, kept {len(covered)} with {len(picked)} queue entries; left {len(rest)}")
