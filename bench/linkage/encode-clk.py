#!/usr/bin/env python3
"""Stand-in for an agency-side PPRL encoder, for benchmarks: replaces the named columns of a
standard-column CSV by Bloom filters of their bigrams (1,024 bits, 20 per bigram, HMAC-SHA256
double hashing under a secret; base64) in columns named COLUMN_clk. The same scheme as the tests'
TestBloomFilters, not clkhash's exact one — the linker only needs filters of one encoding.

  usage: encode-clk.py IN.csv OUT.csv COLUMN [COLUMN ...]
"""
import base64, csv, hashlib, hmac, sys

SECRET = b'test-secret'


def encode(value, bits=1024, per_bigram=20):
    text = value.strip().lower()
    if not text:
        return ''
    padded = ' ' + text + ' '
    mask = 0
    for a, b in zip(padded, padded[1:]):
        digest = hmac.new(SECRET, (a + b).encode(), hashlib.sha256).digest()
        h1 = int.from_bytes(digest[:8], 'big')
        h2 = int.from_bytes(digest[8:16], 'big') | 1
        for k in range(per_bigram):
            mask |= 1 << (bits - 1 - ((h1 + k * h2) % (2 ** 64) % bits))
    return base64.b64encode(mask.to_bytes(bits // 8, 'big')).decode()


source, target, *columns = sys.argv[1:]
with open(source, newline='') as f_in, open(target, 'w', newline='') as f_out:
    reader = csv.DictReader(f_in)
    writer = csv.writer(f_out)
    writer.writerow([c + '_clk' if c in columns else c for c in reader.fieldnames])
    for row in reader:
        writer.writerow([encode(row[c]) if c in columns else row[c] for c in reader.fieldnames])
