"""Independent oracle for `mvps analyze`: recomputes mu, Sigma, every D2 and the T2 threshold with numpy/scipy
straight from the capture bytes (classic little-endian pcap, 110-byte frames), sharing no code with the C# side.
Usage: mahalanobis_oracle.py ALPHA REFERENCE.pcap TARGET.pcap...  Prints one JSON document."""
import json
import struct
import sys

import numpy as np
from scipy import stats


def frames(path):
    """(vantage id, my discriminator) -> list of (tick, [phi, C1, C2, C3]) in capture order."""
    data = open(path, 'rb').read()
    assert struct.unpack_from('<I', data, 0)[0] == 0xA1B2C3D4, 'little-endian microsecond pcap expected'
    sessions, offset = {}, 24
    while offset < len(data):
        incl = struct.unpack_from('<I', data, offset + 8)[0]
        frame = data[offset + 16:offset + 16 + incl]
        offset += 16 + incl
        assert frame[74:78] == b'COHE'
        key = (struct.unpack_from('>H', frame, 68)[0], struct.unpack_from('>I', frame, 46)[0])
        tick, phi = struct.unpack_from('>Ii', frame, 78)
        c = struct.unpack_from('>fff', frame, 86)
        sessions.setdefault(key, []).append((tick, [float(phi)] + [float(v) for v in c]))
    return sessions


def threshold(p, n, alpha):
    return p * (n - 1) * (n + 1) / (n * (n - p)) * stats.f.ppf(1 - alpha, p, n - p)


def d2(x, mu, cov):
    d = np.asarray(x) - mu
    return float(d @ np.linalg.solve(cov, d))


alpha = float(sys.argv[1])
reference = frames(sys.argv[2])
models, out_ref = {}, []
for key, rows in sorted(reference.items()):
    x = np.array([v for _, v in rows])
    n, p = x.shape
    mu, cov = x.mean(axis=0), np.cov(x, rowvar=False)
    models[key] = (mu, cov, n)
    loo = []
    for i in range(n):
        rest = np.delete(x, i, axis=0)
        loo.append(d2(x[i], rest.mean(axis=0), np.cov(rest, rowvar=False)))
    out_ref.append({'vantageId': key[0], 'myDiscriminator': '0x%08x' % key[1], 'mean': mu.tolist(), 'covariance': cov.tolist(),
                    'threshold': threshold(p, n - 1, alpha), 'd2': loo, 'ticks': [t for t, _ in rows]})

out_targets = []
for path in sys.argv[3:]:
    sessions = []
    for key, rows in sorted(frames(path).items()):
        mu, cov, n = models[key] if key in models else next(iter(models.values()))
        sessions.append({'vantageId': key[0], 'threshold': threshold(4, n, alpha), 'd2': [d2(v, mu, cov) for _, v in rows],
                         'ticks': [t for t, _ in rows]})
    out_targets.append(sessions)

json.dump({'chi2': float(stats.chi2.ppf(1 - alpha, 4)), 'reference': out_ref, 'targets': out_targets}, sys.stdout)
