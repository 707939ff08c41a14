#!/usr/bin/env python3
"""limits.py - the input limits, each with its expected diagnostic or success.

    limits.py NEWSPRINT [CASE...]

Inputs are generated at test time in a temporary folder (a 17 MiB file is not
kept in the repository). Each case runs `NEWSPRINT render` (or `check`) under a
time limit and must give the exit status and the stderr text listed below; a
signal or a timeout fails. Exit status: 0 when every case passed.
"""
import os
import random
import struct
import subprocess
import sys
import tempfile
import time
import zlib

HEAD = "id: limits\nheadline: Limits\n"
WORDS = ("the minister said talks would continue until an agreement was reached "
         "between the governments across the region").split()


def text(n, seed=1):
    rnd = random.Random(seed)
    out, size = [], 0
    while size < n:
        w = rnd.choice(WORDS)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n].strip() + "."


def article(body_yaml, extra=""):
    return HEAD + extra + "body:\n" + body_yaml


def png(width, height):
    """A PNG whose header declares width x height (the pixels are not there)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = lambda t, d: (struct.pack(">I", len(d)) + t + d +
                          struct.pack(">I", zlib.crc32(t + d) & 0xffffffff))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def big_file(path):
    para = "  - " + text(60000) + "\n"
    with open(path, "w") as f:
        f.write(article(""))
        size = len(HEAD) + 6
        while size <= 17 << 20:
            f.write(para)
            size += len(para)


def picture_case(name, w, h):
    def make(d):
        with open(os.path.join(d, name + ".png"), "wb") as f:
            f.write(png(w, h))
        return article("  - A picture with a huge declared size.\n",
                       "images:\n  - file: %s.png\n    caption: Huge.\n" % name)
    return make


def layout_case(body):
    return lambda d: body


# name: (make(dir) -> YAML text or None, is_layout, args, exit, stderr texts, seconds)
P = "  - A paragraph.\n"
CASES = {
    "file-17mib": (lambda d: big_file(os.path.join(d, "file-17mib.yaml")), False, [], 1,
                   ["file-17mib.yaml:1:1: error: the file is larger than the limit of "
                    "16777216 bytes"], 30),
    "nesting-100": (lambda d: article("  - " + "[" * 100 + "x" + "]" * 100 + "\n"), False,
                    [], 1, ["error: nesting deeper than the limit of 64 levels"], 10),
    "nesting-flow-100k": (lambda d: article("  - " + "[" * 100000 + "\n"), False, [], 1,
                          ["error: nesting deeper than the limit of 64 levels"], 10),
    "alias-bomb": (lambda d: "id: bomb\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        "%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n" %
        ((chr(98 + i),) * 2 + (chr(97 + i),) * 9) for i in range(12)), False, [], 1,
        ["error: YAML anchors are not supported"], 2),
    "values-over-limit": (lambda d: article("  - [" + ",".join(["a"] * 1000001) + "]\n"),
                          False, [], 1, ["error: more than 1000000 values in the document"],
                          30),
    "paragraph-50000": (lambda d: article("  - " + text(50000) + "\n"), False, [], 0, [], 300),
    "paragraph-over-limit": (lambda d: article("  - " + text((1 << 20) + 10) + "\n"), False,
                             [], 1, ["paragraph-over-limit.yaml:4:5: error: text of 1048",
                                     "bytes is over the limit of 1048576 bytes"], 30),
    "word-50000": (lambda d: article("  - Before " + "x" * 50000 + " after.\n"), False, [], 0,
                   [], 60),
    "paragraphs-100000": (lambda d: article("".join("  - Short paragraph %d.\n" % i
                                                    for i in range(100000))), False, [], 0,
                          [], 300),
    "max-pages-2": (lambda d: article("".join("  - %s\n" % text(2000, i) for i in range(60))),
                    False, ["--max-pages", "2"], 0,
                    ["warning: limits: ", "words overset: the page limit (2) was reached"], 120),
    "max-pages-strict": (lambda d: article("".join("  - %s\n" % text(2000, i)
                                                   for i in range(60))), False,
                         ["--max-pages", "1", "--strict"], 3, ["the page limit (1)"], 120),
    "max-pages-bad": (lambda d: article(P), False, ["--max-pages", "0"], 2,
                      ["--max-pages wants a number from 1 to 10000"], 10),
    "picture-wide": (picture_case("picture-wide", 40000, 10), False, [], 1,
                     ["picture-wide.yaml:4:5: error: picture 'picture-wide.png' is 40000 x 10 "
                      "pixels: a side is over the limit of 30000 pixels"], 10),
    "picture-area": (picture_case("picture-area", 20000, 20000), False, [], 1,
                     ["picture-area.yaml:4:5: error: picture 'picture-area.png' is 20000 x 20000"
                      " pixels: over the limit of 200 megapixels"], 10),
    "layout-page-huge": (layout_case("name: huge\npage: {width: 100000000, height: 17in}\n"),
                         True, [], 1, ["layout-page-huge.layout.yaml:2:15: error: 'width' must "
                                       "be at most 14400pt"], 10),
    "layout-grid-fine": (layout_case("name: fine\ngrid: 0.01\n"), True, [], 1,
                         ["layout-grid-fine.layout.yaml:2:7: error: a grid of 0.01pt gives a "
                          "column more than 10000 lines"], 10),
    "layout-type-huge": (layout_case("name: big\nstyles:\n  body: {size: 1e9}\n"), True, [], 1,
                         ["error: "], 10),
    "layout-type-large": (layout_case("name: big\nstyles:\n  body: {size: 5000}\n"), True, [],
                          1, ["layout-type-large.layout.yaml:3:16: error: 'size' must be at "
                              "most 1000pt, found 5000"], 10),
}


def run(exe, name, tmp):
    make, is_layout, args, want, texts, limit = CASES[name]
    path = os.path.join(tmp, name + (".layout.yaml" if is_layout else ".yaml"))
    content = make(tmp)
    if content is not None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
    cmd = [exe, "render"]
    if is_layout:
        with open(os.path.join(tmp, "plain.yaml"), "w") as f:
            f.write(article(P))
        cmd += ["plain.yaml", "-l", os.path.basename(path)]
    else:
        cmd += [os.path.basename(path)]
    cmd += ["-o", name + ".pdf"] + args
    t0 = time.time()
    try:
        p = subprocess.run(cmd, cwd=tmp, capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return "no answer within %d s" % limit
    err = p.stderr.decode("utf-8", "replace")
    took = time.time() - t0
    if p.returncode != want:
        return "exit status %d, expected %d (%.1f s)\n%s" % (p.returncode, want, took, err[:2000])
    for t in texts:
        if t not in err:
            return "expected on stderr: %s\n%s" % (t, err[:2000])
    pdf = os.path.join(tmp, name + ".pdf")
    if want in (0, 3) and not os.path.getsize(pdf):
        return "no PDF"
    if want in (1, 2) and os.path.exists(pdf):
        return "a PDF was written despite the error"
    print("ok %s (%.1f s)" % (name, took))
    return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    exe = os.path.abspath(sys.argv[1])
    names = sys.argv[2:] or list(CASES)
    fail = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            bad = run(exe, name, tmp)
            if bad:
                print("FAIL %s: %s" % (name, bad))
                fail = 1
            for f in os.listdir(tmp):  # the 17 MiB file and PDFs go at once
                os.remove(os.path.join(tmp, f))
    print("%d cases" % len(names))
    sys.exit(fail)


if __name__ == "__main__":
    main()
