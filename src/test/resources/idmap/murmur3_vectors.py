#!/usr/bin/env python3
"""Independent MurmurHash3 x86_32 (from the published algorithm) printing the vectors MurmurHash3Test
and HashIdMapTest check: hashes of SID strings with SSSD's seed 0xdeadbeef and the resulting slices
(10000 slices, SSSD's defaults). Run: python3 murmur3_vectors.py"""
import struct

M = 0xFFFFFFFF

def rotl(x, r):
    return ((x << r) | (x >> (32 - r))) & M

def murmur3_x86_32(data: bytes, seed: int) -> int:
    c1, c2 = 0xCC9E2D51, 0x1B873593
    h = seed & M
    n = len(data) // 4
    for (k,) in struct.iter_unpack("<I", data[: 4 * n]):
        k = rotl((k * c1) & M, 15) * c2 & M
        h = (rotl(h ^ k, 13) * 5 + 0xE6546B64) & M
    tail = data[4 * n:]
    k = 0
    for i, b in enumerate(tail):
        k |= b << (8 * i)
    if tail:
        k = rotl((k * c1) & M, 15) * c2 & M
        h ^= k
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M
    h ^= h >> 16
    return h

if __name__ == "__main__":
    for text, seed in [("", 0), ("", 1), ("", 0xFFFFFFFF), ("aaaa", 0x9747B28C),
                       ("Hello, world!", 0x9747B28C),
                       ("The quick brown fox jumps over the lazy dog", 0x9747B28C)]:
        print(f"{text!r} seed {seed:#x}: {murmur3_x86_32(text.encode(), seed):#010x}")
    for sid in ["S-1-5-21-3481000066-1847199495-2699438602", "S-1-5-21-1-2-3",
                "S-1-5-21-3481000066-1847199495-2699438602-200000", "S-1-5-21-2153326666-2176343378-3404031434"]:
        h = murmur3_x86_32(sid.encode(), 0xDEADBEEF)
        print(f"{sid} seed 0xdeadbeef: {h:#010x} slice {h % 10000} low {200000 + (h % 10000) * 200000}")
