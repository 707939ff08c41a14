#!/usr/bin/env python3
"""cycles_check_selftest.py - cycles_check.py goes red on a cycle and stays
green without one: two small archives built here, one whose files call each
other (flow_a.c -> flow_b.c -> flow_a.c), one where the call goes one way, and
a source tree whose two headers include each other.

  cycles_check_selftest.py CHECK_SCRIPT
"""
import os
import subprocess
import sys
import tempfile


def archive(tmp, name, sources):
    objs = []
    for fname, text in sources.items():
        src = os.path.join(tmp, fname)
        with open(src, "w") as fp:
            fp.write(text)
        obj = os.path.join(tmp, fname + ".o")
        subprocess.run([os.environ.get("CC", "cc"), "-c", src, "-o", obj], check=True)
        objs.append(obj)
    lib = os.path.join(tmp, name)
    subprocess.run(["ar", "rcs", lib] + objs, check=True)
    return lib


def run(check, *args):
    return subprocess.run([sys.executable, check, *args], capture_output=True, text=True)


def main():
    check = sys.argv[1]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        cyc = archive(tmp, "cyc.a", {
            "flow_a.c": "int b(int);\nint a(int n) { return n ? b(n - 1) : 0; }\n",
            "flow_b.c": "int a(int);\nint b(int n) { return n ? a(n - 1) : 1; }\n"})
        r = run(check, cyc)
        want = "calls cycle among 2 files: src/flow/a.c, src/flow/b.c"
        if r.returncode != 1 or want not in r.stdout:
            print(f"a call cycle not caught: exit {r.returncode}\n{r.stdout}{r.stderr}")
            failed += 1
        os.makedirs(os.path.join(tmp, "one"))
        one = archive(os.path.join(tmp, "one"), "one.a", {
            "flow_a.c": "int b(int);\nint a(int n) { return b(n); }\n",
            "flow_b.c": "int b(int n) { return n; }\n"})
        r = run(check, one)
        if r.returncode != 0 or "calls: 2 files, no cycle" not in r.stdout:
            print(f"no cycle, yet: exit {r.returncode}\n{r.stdout}{r.stderr}")
            failed += 1
        src = os.path.join(tmp, "src")
        os.makedirs(os.path.join(src, "x"))
        with open(os.path.join(src, "x", "p.h"), "w") as fp:
            fp.write('#include "x/q.h"\n')
        with open(os.path.join(src, "x", "q.h"), "w") as fp:
            fp.write('#include "x/p.h"\n')
        r = run(check, one, "--src", src)
        if r.returncode != 1 or "includes cycle among 2 files: src/x/p.h, src/x/q.h" not in r.stdout:
            print(f"an include cycle not caught: exit {r.returncode}\n{r.stdout}{r.stderr}")
            failed += 1
    print("cycles_check_selftest: " + ("failed" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
