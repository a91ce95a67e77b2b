#!/usr/bin/env python3
"""Fails when src/ has an import circle between modules.

Every `use` statement and every `crate::` / `super::` / `self::` / `speechtui::` path of every file
under src/ is resolved to the module file it names. A module may use its own ancestors (a parent
`mod.rs` is the facade its children share); every other edge counts, and any strongly connected
set of more than one module is reported. The library (src/lib.rs) and the binary (src/main.rs:
cli, tui) are separate crates; the binary's `speechtui::` paths point into the library.

Test code (`#[cfg(test)]` modules) is left out: a test may use anything.

Usage: python3 .ci/module_cycles.py [src-dir]   (exit 1 and a list of cycles when there are any)
"""
import os
import re
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
SRC = os.path.normpath(SRC)
BIN_TOP = {"cli", "tui", "main"}


def module_of(path):
    rel = os.path.relpath(path, SRC)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    crate = "bin" if (rel and rel[0] in BIN_TOP) or path.endswith("main.rs") else "lib"
    return crate, tuple(rel)


files = {}
for root, _, names in os.walk(SRC):
    for n in names:
        if n.endswith(".rs"):
            p = os.path.join(root, n)
            files[module_of(p)] = p
modules = set(files)


def strip_comments(s):
    s = re.sub(r"/\*.*?\*/", "", s, flags=re.S)
    # Strings are left alone: a `super::` inside one is rare, and raw strings and char literals
    # such as '"' would make a string-stripping regex swallow real code.
    return re.sub(r"//[^\n]*", "", s)


def expand_use(tree):
    """`a::{b, c::{d, e}}` -> ['a::b', 'a::c::d', 'a::c::e']."""
    tree = tree.strip()
    i = tree.find("{")
    if i < 0:
        return [re.sub(r"\s+as\s+\w+$", "", tree).strip()]
    prefix, body = tree[:i], tree[i + 1 : tree.rindex("}")]
    parts, depth, cur = [], 0, ""
    for c in body:
        if c == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += c == "{"
        depth -= c == "}"
        cur += c
    parts.append(cur)
    out = []
    for p in parts:
        if p.strip():
            out += [prefix + x for x in expand_use(p)]
    return out


def resolve(crate, here, path, is_dir_module):
    segs = [s for s in path.split("::") if s]
    if not segs:
        return None
    # The module a file's `super` means: for a mod.rs/lib.rs file its parent, else the file's own
    # parent.
    base = list(here)
    if segs[0] == "speechtui":
        crate, base, segs = "lib", [], segs[1:]
    elif segs[0] == "crate":
        base, segs = [], segs[1:]
    elif segs[0] in ("super", "self"):
        while segs and segs[0] in ("super", "self"):
            if segs[0] == "super":
                base = base[:-1]
            segs = segs[1:]
    else:
        return None
    target = tuple(base + segs)
    while target and (crate, target) not in modules:
        target = target[:-1]
    return (crate, target)


# Test code is left out: modules declared under `#[cfg(test)]` and inline `mod tests { … }`.
test_only = set()
for (crate, here), path in files.items():
    for name in re.findall(r"#\[cfg\(test\)\]\s*(?:pub\s+)?mod\s+(\w+)\s*;", open(path).read()):
        test_only.add((crate, here + (name,)))
modules -= test_only

edges = {m: set() for m in modules}
for (crate, here), path in files.items():
    if (crate, here) in test_only:
        continue
    src = strip_comments(open(path, encoding="utf-8").read())
    src = re.split(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", src)[0]
    refs = []
    for m in re.finditer(r"\buse\s+([^;]+);", src):
        refs += expand_use(m.group(1))
    refs += re.findall(r"\b(?:crate|super|self|speechtui)(?:::\w+)+", src)
    for r in refs:
        t = resolve(crate, here, r, False)
        if t is None or t == (crate, here) or t not in modules:
            continue
        # Using an ancestor (the facade) is allowed.
        if t[0] == crate and here[: len(t[1])] == t[1]:
            continue
        edges[(crate, here)].add(t)

# Tarjan's strongly connected components.
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in edges[v]:
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(comp)


sys.setrecursionlimit(10000)
for v in sorted(modules):
    if v not in index:
        visit(v)

name = lambda m: ("speechtui" if m[0] == "lib" else "bin") + "::" + "::".join(m[1])
n_edges = sum(len(e) for e in edges.values())
if sccs:
    for comp in sccs:
        print("import circle: " + " <-> ".join(sorted(name(m) for m in comp)))
    sys.exit(1)
print(f"no import circles: {len(modules)} modules, {n_edges} imports between them")
