#!/usr/bin/env python3
"""check_output_selftest.py - proves each check of check_output.py can pass and fail.

Builds a tiny article and a hand-made layout report in a temporary folder, runs
check_output.py on it and on mutated copies, and expects exit 0 for the good ones
and exit 1 with the named failure for the bad ones. No PDF is needed: checks a-c
and e (PNG headers) are exercised; d (qpdf/pdffonts) is not. Also compares the
checker's small YAML reader with PyYAML (when installed) on every YAML file of the
repository and on a few edge cases.

    python3 tests/check_output_selftest.py        # exit 0 when all cases behave
"""
import copy
import glob
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CHECKER = os.path.join(HERE, "check_output.py")
sys.path.insert(0, HERE)
import check_output  # noqa: E402

ARTICLE = """\
# a tiny article for the checker's self-test
id: t1
language: en
section: World
headline: "Tiny \\"test\\" headline"
byline: Jane Doe
dateline: Minsk
date: 2024-10-15
body:
  - "First *paragraph* with co-operation and a **bold** word."
  - subhead: "A sub"
  - "Second paragraph\u2019s text \u2014 ends here."
pullquotes:
  - text: "Quoted words"
    attribution: Somebody
    after: 1
    span: 2
sidebars:
  - kind: datelines
    title: Places
    entries:
      - place: "Minsk, Belarus"
        date: 2024-10-08
"""

LAYOUT = "name: t\ngrid: 11.5pt\n"

G = 11.5
TOP = 36.0
OFF = 3.0  # the page's first_offset


def bl(k):
    return TOP + OFF + k * G


def good_report():
    col = lambda i, x: {"id": "p1-col%d" % i, "kind": "column", "x": x, "y": 108, "w": 134.4,
                        "h": 1080, "article": "t1"}
    frames = [
        {"id": "p1-head", "kind": "headline", "x": 36, "y": 36, "w": 720, "h": 66, "article": "t1"},
        col(1, 36), col(2, 182.4), col(3, 328.8),
        {"id": "p1-pq1", "kind": "pullquote", "x": 182.4, "y": 400, "w": 280.8, "h": 60,
         "article": "t1"},
        {"id": "p1-sb1", "kind": "sidebar", "x": 36, "y": 700, "w": 134.4, "h": 80, "article": "t1"},
        {"id": "p1-sb1-title", "kind": "sidebar_title", "x": 36, "y": 700, "w": 134.4, "h": 14,
         "article": "t1"},
        {"id": "p1-folio", "kind": "folio", "x": 36, "y": 1196, "w": 720, "h": 12},
    ]
    L = lambda frame, x, b, w, text, style="body", hy=False: {
        "article": "t1", "frame": frame, "block": 0, "style": style, "x": x, "baseline": b,
        "width": w, "text": text, "hyphenated": hy}
    lines = [
        # the engine curls quotes and sets headline/dateline in capitals: still the same words
        L("p1-head", 36, 80, 400, "TINY \u201cTEST\u201d HEADLINE", "headline"),
        L("p1-head", 36, 95, 100, "JANE DOE", "byline"),
        L("p1-col1", 36, bl(7), 134.4, "MINSK \u2014 First paragraph with co-op-", "body_first",
          True),
        L("p1-col1", 36, bl(8), 134.4, "eration and a bold word.", "body"),
        L("p1-col1", 36, bl(10), 60, "A sub", "subhead"),
        L("p1-col1", 36, bl(11), 134.4, "Second paragraph's text", "body_first"),
        L("p1-col2", 182.4, bl(7), 134.4, "\u2014 ends here.", "body"),
        L("p1-pq1", 190, 425, 250, "\u201cQuoted words\u201d", "pullquote"),
        L("p1-pq1", 190, 450, 100, "SOMEBODY", "pullquote_attribution"),
        L("p1-sb1-title", 40, 711, 60, "PLACES", "sidebar_title"),
        L("p1-sb1", 40, 734, 80, "Minsk, Belarus", "sidebar_place"),
        L("p1-sb1", 40, 746, 60, "2024-10-08", "sidebar"),
    ]
    folio = L("p1-folio", 36, 1205, 30, "Page 1", "folio")
    del folio["article"]
    lines.append(folio)
    return {
        "generator": "selftest",
        "pages": [{"number": 1, "width": 792, "height": 1224,
                   "margins": {"top": TOP, "right": 36, "bottom": 36, "left": 36},
                   "frames": frames, "lines": lines}],
        "articles": [{"id": "t1", "pages": [1], "lines": 12, "words": 30, "overset_words": 0}],
        "warnings": [],
    }


def line(r, text):
    for ln in r["pages"][0]["lines"]:
        if ln["text"] == text:
            return ln
    raise KeyError(text)


def frame(r, fid):
    for f in r["pages"][0]["frames"]:
        if f["id"] == fid:
            return f
    raise KeyError(fid)


def m_missing(r):
    r["pages"][0]["lines"].remove(line(r, "\u2014 ends here."))


def m_missing_overset(r):
    m_missing(r)
    r["articles"][0]["overset_words"] = 2


def m_duplicate(r):
    ln = copy.deepcopy(line(r, "\u2014 ends here."))
    ln["baseline"] = bl(8)
    r["pages"][0]["lines"].append(ln)


def m_not_hyphenated(r):
    line(r, "MINSK \u2014 First paragraph with co-op-")["hyphenated"] = False


def m_extra_word(r):
    line(r, "JANE DOE")["text"] = "BY JANE DOE"


def m_section_label(r):
    line(r, "JANE DOE")["text"] = "WORLD \u00b7 JANE DOE"


def m_no_article_entry(r):
    r["articles"] = []


def m_outside_frame(r):
    line(r, "eration and a bold word.")["width"] = 150


def m_lines_overlap(r):
    line(r, "A sub")["baseline"] = bl(8) + 2


def m_crosses_obstacle(r):
    line(r, "\u2014 ends here.")["baseline"] = 430


def m_frame_in_margin(r):
    frame(r, "p1-sb1")["x"] = 20
    frame(r, "p1-sb1-title")["x"] = 20


def m_frames_overlap(r):
    frame(r, "p1-sb1")["y"] = 790  # a second obstacle half over the sidebar
    r["pages"][0]["frames"].append({"id": "p1-img1", "kind": "image", "x": 36, "y": 820,
                                    "w": 280.8, "h": 100, "article": "t1"})


def m_off_grid(r):
    line(r, "Second paragraph's text")["baseline"] += 1.0


def m_bad_style_ok(r):
    # a furniture line anywhere in the margin is fine; a headline line off the grid too
    line(r, "TINY \u201cTEST\u201d HEADLINE")["baseline"] = 81.3


CASES = [
    # (name, mutation, expected exit, text expected in the output)
    ("good", None, 0, "ok"),
    ("a: missing word", m_missing, 1, "[a]"),
    ("a: missing but overset", m_missing_overset, 0, "ok"),
    ("a: duplicated line", m_duplicate, 1, "set 2 times"),
    ("a: hyphen kept", m_not_hyphenated, 1, "[a]"),
    ("a: word added", m_extra_word, 1, "not in the input"),
    ("a: section label may be set", m_section_label, 0, "ok"),
    ("a: no articles entry", m_no_article_entry, 1, "no entry"),
    ("b: line outside frame", m_outside_frame, 1, "outside its frame"),
    ("b: lines overlap", m_lines_overlap, 1, "lines overlap"),
    ("b: body line over pull-quote", m_crosses_obstacle, 1, "crosses pullquote"),
    ("b: frame in margin", m_frame_in_margin, 1, "outside the margins"),
    ("b: frames overlap", m_frames_overlap, 1, "overlap"),
    ("c: baseline off grid", m_off_grid, 1, "off the page's grid"),
    ("c: headline lines need no grid", m_bad_style_ok, 0, "ok"),
]


def png(path, w, h):
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))


def run(args):
    p = subprocess.run([sys.executable, CHECKER] + args, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def yaml_cases():
    """The small YAML reader against PyYAML."""
    try:
        import yaml
    except ImportError:
        print("skip: PyYAML not installed; YAML reader compared on fixed cases only")
        yaml = None
    bad = 0
    edge = {
        "a: 'it''s'\nb: \"tab\\there \\u00e9 \\\"q\\\"\"\nc: [1, two, \"3\"]\nd: {x: 1.5, y: zz}\n": None,
        "t: |\n  line one\n    indented\n  line three\nu: >-\n  folded\n  text\n\n  para\nv: x\n": None,
        "s:\n- one\n- two: 2\n  three: 3\n-\n  - nested\n": None,
        "q: \"a long\n  quoted\n\n  scalar\"\nr: end # comment\n": None,
    }
    sources = dict(edge)
    for f in sorted(glob.glob(os.path.join(ROOT, "layouts", "*.yaml")) +
                    glob.glob(os.path.join(ROOT, "examples", "*.yaml")) +
                    glob.glob(os.path.join(ROOT, "tests", "corpus", "*.yaml"))):
        with open(f, encoding="utf-8") as fh:
            sources[f] = fh.read()
    sources[ARTICLE] = None
    for key in sources:
        text = sources[key] if sources[key] is not None else key
        name = key if sources[key] is not None else repr(key[:30])
        mine = check_output.mini_yaml_load(text)
        if yaml is None:
            continue
        ref = yaml.safe_load(text)
        if _plainify(ref) != mine:
            print("FAIL yaml reader differs from PyYAML on %s:\n  mine %r\n  ref  %r"
                  % (name, mine, ref))
            bad += 1
    try:
        check_output.mini_yaml_load("a: 1\na: 2\n")
        print("FAIL yaml reader accepts a duplicate key")
        bad += 1
    except check_output.YamlError:
        pass
    return bad


def _plainify(v):
    if isinstance(v, dict):
        return {k: _plainify(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plainify(x) for x in v]
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def main():
    bad = yaml_cases()
    with tempfile.TemporaryDirectory() as d:
        art = os.path.join(d, "t1.yaml")
        lay = os.path.join(d, "layout.yaml")
        with open(art, "w", encoding="utf-8") as f:
            f.write(ARTICLE)
        with open(lay, "w", encoding="utf-8") as f:
            f.write(LAYOUT)
        for name, mut, want, needle in CASES:
            r = good_report()
            if mut:
                mut(r)
            rep = os.path.join(d, "r.json")
            with open(rep, "w", encoding="utf-8") as f:
                json.dump(r, f)
            rc, out = run(["--report", rep, "--article", art, "--layout", lay])
            ok = rc == want and needle in out
            print("%s %-34s exit %d%s" % ("ok  " if ok else "FAIL", name, rc,
                                          "" if ok else "\n" + out))
            bad += not ok
        # e: PNG sizes (page 792 x 1224 pt at 96 dpi = 1056 x 1632 px)
        rep = os.path.join(d, "r.json")
        with open(rep, "w", encoding="utf-8") as f:
            json.dump(good_report(), f)
        pd = os.path.join(d, "png")
        os.mkdir(pd)
        png(os.path.join(pd, "t1-1.png"), 1056, 1632)
        rc, out = run(["--report", rep, "--article", art, "--png-dir", pd, "--dpi", "96"])
        ok = rc == 0
        print("%s %-34s exit %d%s" % ("ok  " if ok else "FAIL", "e: png size right", rc,
                                      "" if ok else "\n" + out))
        bad += not ok
        png(os.path.join(pd, "t1-1.png"), 1000, 1632)
        rc, out = run(["--report", rep, "--article", art, "--png-dir", pd, "--dpi", "96"])
        ok = rc == 1 and "[e]" in out
        print("%s %-34s exit %d%s" % ("ok  " if ok else "FAIL", "e: png size wrong", rc,
                                      "" if ok else "\n" + out))
        bad += not ok
        # usage: unreadable report is exit 2
        rc, out = run(["--report", os.path.join(d, "none.json"), "--article", art])
        ok = rc == 2
        print("%s %-34s exit %d" % ("ok  " if ok else "FAIL", "usage: missing report", rc))
        bad += not ok
    print("check_output_selftest: %s" % ("%d failure(s)" % bad if bad else "all passed"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
