#!/usr/bin/env python3
"""Peer for the reuse benchmark: a straightforward seed-and-extend text-reuse finder in plain Python.

Every pair of documents is compared. Seeds are 4-character substrings shared by the two texts; a
seed is extended forward, one character (or one edit) at a time, while the Levenshtein ratio of the
last 100 characters of both sides stays at or above 0.8; a match is kept when it covers at least 10
characters, and the scan resumes after it. Texts are compared on the same kind of key the Rust
engine uses: letters and digits only (punctuation and whitespace dropped).

usage: reuse_peer.py FILE... [--every N]
Prints one summary line: documents, pairs compared, matches, matched characters, seconds.
With --every N, compares only every N-th pair (in the order (0,1), (0,2), ...), so a run over 80
reports (3,160 pairs, about an hour on one core) can be sampled; the line then also gives the time
extrapolated to every pair.
"""
import sys
import time

SEED = 4
WINDOW = 100
MIN_RATIO = 0.8
MIN_MATCH = 10


def key(text):
    return "".join(c for c in text if c.isalnum())


def levenshtein(a, b):
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def ratio(a, b):
    longest = max(len(a), len(b))
    return 1.0 if longest == 0 else 1.0 - levenshtein(a, b) / longest


def extend(a, b, i, j):
    """End (exclusive) in a and b of the extension of the seed at a[i:], b[j:]."""
    ai, bj = i + SEED, j + SEED
    end = (ai, bj)
    while ai < len(a) and bj < len(b):
        if a[ai] == b[bj]:
            ai += 1
            bj += 1
            end = (ai, bj)
            continue
        # A mismatch: take the edit (substitution, deletion, insertion) that keeps the window
        # most similar, and go on while that similarity is high enough.
        best, best_ratio = None, -1.0
        for na, nb in ((ai + 1, bj + 1), (ai + 1, bj), (ai, bj + 1)):
            if na > len(a) or nb > len(b):
                continue
            r = ratio(a[max(i, na - WINDOW):na], b[max(j, nb - WINDOW):nb])
            if r > best_ratio:
                best, best_ratio = (na, nb), r
        if best is None or best_ratio < MIN_RATIO:
            break
        ai, bj = best
    return end


def grams(text):
    index = {}
    for p in range(len(text) - SEED + 1):
        index.setdefault(text[p:p + SEED], []).append(p)
    return index


def compare(a, b, b_index):
    matches = []
    i = 0
    while i <= len(a) - SEED:
        hits = b_index.get(a[i:i + SEED])
        best = None
        if hits:
            for j in hits:
                ea, eb = extend(a, b, i, j)
                if best is None or ea - i > best[0] - i:
                    best = (ea, eb, j)
        if best is not None and best[0] - i >= MIN_MATCH:
            matches.append((i, best[0], best[2], best[1]))
            i = best[0]
        else:
            i += 1
    return matches


def main(argv):
    every = 1
    files = []
    args = iter(argv)
    for arg in args:
        if arg == "--every":
            every = int(next(args))
        else:
            files.append(arg)
    start = time.perf_counter()
    texts = []
    for path in files:
        with open(path, encoding="utf-8-sig") as f:
            texts.append(key(f.read()))
    indexes = [grams(t) for t in texts]
    pairs = n_matches = matched = 0
    all_pairs = len(texts) * (len(texts) - 1) // 2
    k = 0
    for x in range(len(texts)):
        for y in range(x + 1, len(texts)):
            k += 1
            if (k - 1) % every:
                continue
            found = compare(texts[x], texts[y], indexes[y])
            pairs += 1
            n_matches += len(found)
            matched += sum(e - s for s, e, _, _ in found)
    secs = time.perf_counter() - start
    full = secs * all_pairs / max(pairs, 1)
    print(f"{len(texts)} documents, {pairs} of {all_pairs} pairs, {n_matches} matches, "
          f"{matched} matched chars, {secs:.1f} s, {full:.0f} s extrapolated to every pair")


if __name__ == "__main__":
    main(sys.argv[1:])
