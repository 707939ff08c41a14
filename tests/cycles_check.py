#!/usr/bin/env python3
"""cycles_check.py - no cycles between the files of src/, as the linker sees them.

For every object file of the library (`nm` over the archive: the symbols
each member defines and the ones it needs), file A depends on file B when A
needs a symbol B defines: a function or data. The archive, not the object
folder, so that objects of files since removed do not count. Any cycle in that graph (A needs B, B needs ...
A) fails, naming the files around it. Inclusion of headers is not counted
here: a header declares, an object file uses.

With --src DIR, the headers' #include "..." graph under DIR is checked too:
a header that includes itself, however far round, is a cycle.

  cycles_check.py LIBRARY [--src DIR]         e.g. build/src/libnewsprint.a --src src
  cycles_check.py --list LIBRARY [--src DIR]  print the graphs and every cycle, exit 0
"""
import os
import re
import subprocess
import sys


def members(lib):
    """Each object file of the archive: the symbols it defines and the ones
    it needs (`nm -A -P`: "lib.a[file.o]: name kind ...")."""
    out = subprocess.run(["nm", "-A", "-P", lib], capture_output=True, text=True,
                         check=True).stdout
    defined, needed = {}, {}
    for line in out.splitlines():
        where, _, rest = line.partition(": ")
        parts = rest.split()
        if "[" not in where or len(parts) < 2:
            continue
        obj = where[where.index("[") + 1:-1]
        name, kind = parts[0], parts[1]
        defined.setdefault(obj, set())
        needed.setdefault(obj, set())
        if kind == "U":
            needed[obj].add(name)
        elif kind.isupper():
            defined[obj].add(name)
    return defined, needed


def name_of(obj):
    """src/flow/paint.c from meson's object name, flow_paint.c.o (a thin
    archive names it by its path: .../libnewsprint.a.p/flow_paint.c.o)."""
    base = obj.rsplit("/", 1)[-1]
    base = base[:-2] if base.endswith(".o") else base
    module, _, rest = base.partition("_")
    return f"src/{module}/{rest}" if rest else base


def graph(lib):
    defined, needed = members(lib)
    if not defined:
        sys.exit(f"cycles_check: no object files in {lib}")
    owner = {}
    for o, syms in defined.items():
        for s in syms:
            owner[s] = name_of(o)
    edges = {}
    for o, u in needed.items():
        f = name_of(o)
        edges.setdefault(f, {})
        for s in sorted(u):
            g = owner.get(s)
            if g and g != f:
                edges[f].setdefault(g, s)  # one symbol to name the edge by
    return edges


def includes(src):
    """Each file under src: the project headers it includes ("dir/name.h",
    relative to src, as the build's include path has them)."""
    edges = {}
    pat = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
    for root, _, files in os.walk(src):
        for name in files:
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(root, name)
            rel = "src/" + os.path.relpath(path, src)
            with open(path, encoding="utf-8", errors="replace") as fp:
                text = fp.read()
            edges[rel] = {}
            for inc in pat.findall(text):
                if os.path.exists(os.path.join(src, inc)):
                    edges[rel].setdefault("src/" + inc, "#include")
    for deps in list(edges.values()):
        for d in deps:
            edges.setdefault(d, {})
    return edges


def cycles(edges):
    """Strongly connected components of more than one file (Tarjan), and a
    cycle through each, to name."""
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
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
                comps.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    named = []
    for comp in comps:
        members = set(comp)
        start = comp[0]
        # shortest way back to start from start, inside the component
        prev, frontier, seen = {}, [start], {start}
        found = None
        while frontier and not found:
            nxt = []
            for v in frontier:
                for w in sorted(edges[v]):
                    if w not in members:
                        continue
                    if w == start:
                        found = v
                        break
                    if w not in seen:
                        seen.add(w)
                        prev[w] = v
                        nxt.append(w)
                if found:
                    break
            frontier = nxt
        path = [found]
        while path[-1] != start:
            path.append(prev[path[-1]])
        path.reverse()
        path.append(start)
        steps = " -> ".join(f"{a} (needs {edges[a][b]})" for a, b in zip(path, path[1:]))
        steps += f" -> {start}"
        named.append((comp, steps))
    return named


def main():
    args = sys.argv[1:]
    listing = "--list" in args
    args = [a for a in args if a != "--list"]
    src = None
    if "--src" in args:
        i = args.index("--src")
        if i + 1 >= len(args):
            sys.exit(__doc__)
        src = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    graphs = [("calls", graph(args[0]))]
    if src:
        graphs.append(("includes", includes(src)))
    failed = 0
    for kind, edges in graphs:
        found = cycles(edges)
        if listing:
            for f in sorted(edges):
                print(f"{kind}: {f}: {' '.join(sorted(edges[f]))}")
        for comp, steps in found:
            print(f"{kind} cycle among {len(comp)} files: {', '.join(comp)}")
            print(f"  e.g. {steps}")
        if not found:
            print(f"cycles_check: {kind}: {len(edges)} files, no cycle")
        failed += len(found)
    sys.stdout.flush()
    if failed and not listing:
        print(f"cycles_check: {failed} cycle(s) between the files of src/", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
