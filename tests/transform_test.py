#!/usr/bin/env python3
"""transform_test.py - inline bold and italic stay on their letters through
`transform: uppercase` when uppercasing changes byte lengths (issue 11).

    transform_test.py NEWSPRINT

U+0149 "ŉ" (2 bytes) uppercases to "ʼN" (3 bytes). Each case renders a short
article on the tabloid with a layout that uppercases the body, into a fresh
temporary folder, and reads the PDF back with `pdftohtml -xml`, which marks
text set in a bold face <b> and in an italic face <i>: the bold and italic
pieces must be exactly the words the article marked (and the headline, set in
a bold face), and no character may be cut in two (a U+FFFD warning).
"""
import os
import re
import subprocess
import sys
import tempfile

LAYOUT = """styles:
  body: {transform: uppercase}
  body_first: {transform: uppercase}
"""

# name: (article YAML, layout YAML or None, bold pieces, italic pieces)
CASES = {
    # the lengths change after the bold and italic runs and between them
    "growth-after-runs": ("""id: up
headline: Case
body:
  - "A **bold** word ŉŉŉŉ and *italic* ŉŉ end"
""", LAYOUT, ["Case", "BOLD"], ["ITALIC"]),
    # before, between and after, with "ß" (uppercased to "SS", same length)
    "growth-everywhere": ("""id: up
headline: Case
body:
  - "ŉ ßa **ŉbold** ŉŉ *itaŉlic* ŉ end"
""", LAYOUT, ["Case", "ʼNBOLD"], ["ITAʼNLIC"]),
    # the dateline, an uppercase run-in lead (bold by its style), grows; the
    # body is not uppercased
    "dateline-lead": ("""id: up
headline: Case
dateline: ŉŉŉ
body:
  - "A **bold** word and *italic* end"
""", None, ["Case", "ʼNʼNʼN —", "bold"], ["italic"]),
}


def pieces(xml, tag):
    """The text of consecutive <text> elements of one line in <tag>, joined:
    a letter drawn from a fallback face ("ʼ") is an element of its own."""
    out, prev = [], None
    for top, body in re.findall(r'<text top="(\d+)"[^>]*>(.*?)</text>', xml):
        inside = "<%s>" % tag in body
        plain = re.sub(r"<[^>]+>", "", body).strip()
        if inside and prev == top:
            out[-1] += plain
        elif inside:
            out.append(plain)
        prev = top if inside else None
    return out


def run(exe, name):
    article, layout, bold, italic = CASES[name]
    with tempfile.TemporaryDirectory() as d:
        a = os.path.join(d, "up.yaml")
        with open(a, "w", encoding="utf-8") as f:
            f.write(article)
        args = [exe, "render", a, "-o", os.path.join(d, "up.pdf")]
        if layout:
            with open(os.path.join(d, "up.layout.yaml"), "w", encoding="utf-8") as f:
                f.write(layout)
            args += ["-l", os.path.join(d, "up.layout.yaml")]
        r = subprocess.run(args, capture_output=True, text=True, timeout=60)
        print("stderr:", r.stderr.strip())
        if r.returncode != 0:
            return "exit status %d, expected 0" % r.returncode
        if "U+FFFD" in r.stderr:
            return "a character was cut in two (U+FFFD)"
        xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", os.path.join(d, "up.pdf")],
                             capture_output=True, text=True, check=True).stdout
        got_b, got_i = pieces(xml, "b"), pieces(xml, "i")
        print("bold:", got_b, "italic:", got_i)
        if got_b != bold:
            return "bold pieces %r, expected %r" % (got_b, bold)
        if got_i != italic:
            return "italic pieces %r, expected %r" % (got_i, italic)
    return None


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for name in CASES:
        why = run(sys.argv[1], name)
        print(("FAIL %s: %s" % (name, why)) if why else "ok %s" % name)
        failed += why is not None
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
