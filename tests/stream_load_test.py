#!/usr/bin/env python3
"""stream_load_test.py - an article file is loaded as it is read, piece by
piece (src/parse/yamltree.c np_yt_load_file), and says exactly what the whole
file read at once says (standard input, `-`, is read whole).

    stream_load_test.py NEWSPRINT

A long Russian article (about 200 KB: libyaml asks for 16 KB at a time, so
two-, three- and four-byte characters fall across the pieces) is checked:
- valid: `check` succeeds from the file and from standard input alike, and
  `render` from each gives the same lines in its report;
- with a bad UTF-8 sequence put at offsets around the pieces' edges and deep
  in the file (overlong, surrogate, past U+10FFFF, a stray continuation byte,
  a lead byte cut short, a sequence cut at the file's end, a UTF-16 byte-order
  mark), the file fails with the same line, column and message as standard
  input, and nothing is written.
"""
import json
import os
import subprocess
import sys
import tempfile

PIECE = 16384  # libyaml's raw input buffer


def article():
    words = ("Генпрокурор сказала — «утверждение» было ошибкой; ёлка и 𝄞 "
             "the court, 1941–1945, stood by it. ").split(" ")
    paras = []
    for i in range(1200):
        k = i % len(words)
        paras.append(" ".join(words[k:] + words[:k]).strip())
    lines = ["id: stream-load", "language: ru", "headline: Длинная статья", "body:"]
    lines += ["  - \"%s\"" % p for p in paras]
    return ("\n".join(lines) + "\n").encode()


def position(data, off):
    """Line and column of byte off, as the parser counts them (characters)."""
    line, col = 1, 1
    for i in range(off):
        ch = data[i]
        if ch == 0x0a:
            line, col = line + 1, 1
        elif (ch & 0xc0) != 0x80:
            col += 1
    return line, col


def run(np, args, stdin=None):
    return subprocess.run([np] + args, input=stdin, capture_output=True)


def tail_of(stderr, name):
    """The first error without the input's name: 'L:C: error: ...'."""
    for ln in stderr.decode("utf-8", "replace").splitlines():
        if ln.startswith(name + ":") and "error:" in ln:
            return ln[len(name) + 1:]
    return None


def main():
    np = sys.argv[1]
    failures = 0
    data = article()
    assert len(data) > 10 * PIECE
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "long.yaml")
        with open(path, "wb") as f:
            f.write(data)
        a = run(np, ["check", path])
        b = run(np, ["check", "-"], data)
        if a.returncode != 0 or b.returncode != 0:
            print("FAIL: valid article: check exit %d (file), %d (stdin): %s" %
                  (a.returncode, b.returncode, a.stderr.decode()[-400:]))
            failures += 1
        reports = []
        for src, stdin in ((path, None), ("-", data)):
            rep = os.path.join(tmp, "r%d.json" % len(reports))
            r = run(np, ["render", src, "--layout", "tabloid", "-o", os.path.join(tmp, "x.pdf"),
                         "--report", rep], stdin)
            reports.append(json.load(open(rep))["pages"] if r.returncode == 0 else None)
        if reports[0] is None or reports[0] != reports[1]:
            print("FAIL: the file's pages differ from standard input's")
            failures += 1

        bad = {"overlong": b"\xc0\xaf", "surrogate": b"\xed\xa0\x80",
               "past-10ffff": b"\xf4\x90\x80\x80", "stray": b"\x80",
               "cut-short": b"\xd0A"}
        offsets = [PIECE - 2, PIECE - 1, PIECE, PIECE + 1, 2 * PIECE - 1, 2 * PIECE,
                   3 * PIECE + 1, len(data) // 2, len(data) - 40]
        cases = []
        for name, seq in bad.items():
            for off in offsets:
                while (data[off] & 0xc0) == 0x80:  # at a character's start
                    off += 1
                cases.append(("%s@%d" % (name, off), data[:off] + seq + data[off:], off))
        cases.append(("cut-at-end", data + b"\xe2\x80", len(data)))
        cases.append(("utf-16", data.decode().encode("utf-16"), 0))
        out = os.path.join(tmp, "never.pdf")
        for name, doc, off in cases:
            with open(path, "wb") as f:
                f.write(doc)
            a = run(np, ["render", path, "-o", out])
            b = run(np, ["render", "-", "-o", out], doc)
            got, want = tail_of(a.stderr, path), tail_of(b.stderr, "<stdin>")
            line, col = position(doc, off)
            where = "%d:%d: error: invalid UTF-8" % (line, col)
            if a.returncode != 1 or got is None or got != want or not got.startswith(where):
                print("FAIL: %s: exit %d, file says %r, stdin says %r, want %s" %
                      (name, a.returncode, got, want, where))
                failures += 1
            if os.path.exists(out):
                print("FAIL: %s: a PDF was written" % name)
                failures += 1
                os.remove(out)
        print("%d cases, %d failures" % (len(cases) + 2, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
