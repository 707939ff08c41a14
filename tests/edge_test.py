#!/usr/bin/env python3
"""edge_test.py - flow edge cases (issue 3, item 7), one case a run.

    edge_test.py NEWSPRINT CASE      run one case
    edge_test.py --list              print the case names, one a line

Each case renders tests/edge/CASE.yaml (on the tabloid unless the case names
another layout) into a fresh temporary folder, and expects an exit status, a
substring of standard error (a warning or error), and for a render that
succeeds check_output.py passing on the result, plus the case's own check.
Pictures a case needs are made there as small PNG files, next to a copy of the
YAML (pictures must be inside the article's folder).
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EDGE = os.path.join(HERE, "edge")
BODY = {"body", "body_first"}


def png(path, w, h):
    """A small RGB gradient PNG."""
    raw = b"".join(b"\0" + b"".join(bytes((x * 255 // max(w - 1, 1), y * 255 // max(h - 1, 1), 128))
                                     for x in range(w)) for y in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class Fail(Exception):
    pass


def frames(report, kind):
    return [(p, f) for p in report["pages"] for f in p["frames"] if f.get("kind") == kind]


def body_lines(page, frame_id=None):
    return [l for l in page["lines"] if l.get("style") in BODY and
            (frame_id is None or l.get("frame") == frame_id)]


def hoverlap(a, b):
    return min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"]) > 0.5


# ---------------------------------------------------------------- case checks

def pullquote_set(report, stderr, lay):
    """Never a silent drop: the quote is set, or a warning says why not."""
    if not frames(report, "pullquote") and "pull-quote" not in stderr:
        raise Fail("no pull-quote frame and no warning about the pull-quote")


def pullquote_not_set(report, stderr, lay):
    if frames(report, "pullquote"):
        raise Fail("a pull-quote frame was set: %r" % frames(report, "pullquote")[0][1])
    ov = report["articles"][0].get("overset_words", 0)
    if ov < 120:
        raise Fail("overset_words is %d, the quote alone has 120 words" % ov)


def two_pullquotes(report, stderr, lay):
    pq = frames(report, "pullquote")
    if len(pq) != 2:
        raise Fail("%d pull-quote frames, expected both set (one moved)" % len(pq))


def sidebar_and_pullquote(report, stderr, lay):
    if len(frames(report, "pullquote")) != 1 or len(frames(report, "sidebar")) != 1:
        raise Fail("expected one pull-quote and one sidebar frame")


def covered_column(report, stderr, lay):
    sb = frames(report, "sidebar")
    if len(sb) != 1:
        raise Fail("expected one sidebar frame, found %d" % len(sb))
    page, s = sb[0]
    cols = [f for f in page["frames"] if f["kind"] == "column" and hoverlap(f, s)]
    if len(cols) != 1:
        raise Fail("the sidebar stands in %d column frames, expected 1" % len(cols))
    col = cols[0]
    grid = float(page.get("grid", 11.5))
    if s["y"] > col["y"] + 0.5 or s["y"] + s["h"] < col["y"] + col["h"] - grid:
        raise Fail("the sidebar %r does not cover its column %r" % (s, col))
    n = len(body_lines(page, col["id"]))
    if n:
        raise Fail("%d body lines in the covered column %s" % (n, col["id"]))
    for c in range(1, 6):
        if c != 3 and not body_lines(page, "p%d-col%d" % (page["number"], c)):
            raise Fail("no body text in column %d beside the covered one" % c)


def picture_on_own_page(report, stderr, lay):
    """The picture that fits no page of the text stands on a page of its own,
    with its caption and credit."""
    im = frames(report, "image")
    if len(im) != 1:
        raise Fail("expected one image frame, found %d" % len(im))
    page, f = im[0]
    if page["number"] != 2:
        raise Fail("the picture is on page %d, expected page 2" % page["number"])
    caps = [l for l in page.get("lines", []) if l.get("style") in ("caption", "credit")]
    if len(caps) < 2:
        raise Fail("the picture's caption and credit are not set beside it")


def picture_covers_page(report, stderr, lay):
    im = frames(report, "image")
    if len(im) != 1:
        raise Fail("expected one image frame, found %d" % len(im))
    page, f = im[0]
    if abs(f["w"] - 720) > 0.5:
        raise Fail("the image is %.2f pt wide, expected the five columns' 720" % f["w"])
    if len(report["pages"]) < 2 or not body_lines(report["pages"][1]):
        raise Fail("the body does not go on on page 2 after the covered page")


def picture_all_columns(report, stderr, lay):
    im = frames(report, "image")
    if len(im) != 1 or abs(im[0][1]["w"] - 720) > 0.5:
        raise Fail("expected one image frame 720 pt wide: %r" % [f for _, f in im])


def narrow_slot(report, stderr, lay):
    """No body line narrower than min_measure; no line beside the quote, whose
    side slots are all under min_measure; text resumes below the quote."""
    mm = 72.0  # narrow-slot.layout.yaml: min_measure 6pc
    for p in report["pages"]:
        for l in body_lines(p):
            if l.get("justified") and l["width"] < mm - 0.05:
                raise Fail("page %d: a justified body line %.2f pt wide, under min_measure %.1f: "
                           "%r" % (p["number"], l["width"], mm, l["text"]))
    pq = frames(report, "pullquote")
    if len(pq) != 1:
        raise Fail("expected one pull-quote frame, found %d" % len(pq))
    page, q = pq[0]
    grid = float(page.get("grid", 11.5))
    cols = [f for f in page["frames"] if f["kind"] == "column" and hoverlap(f, q)]
    if len(cols) != 2:
        raise Fail("the inset quote should straddle two columns, it is in %d" % len(cols))
    for c in cols:
        ls = body_lines(page, c["id"])
        beside = [l for l in ls if q["y"] < l["baseline"] < q["y"] + q["h"] + 0.75 * grid]
        if beside:
            raise Fail("a body line beside the quote in %s, in a slot under min_measure: %r"
                       % (c["id"], beside[0]))
        if not [l for l in ls if l["baseline"] > q["y"] + q["h"]]:
            raise Fail("no body text below the quote in %s: the case does not reach its narrow "
                       "slots (make the body longer)" % c["id"])


def ranges_dateline(report, stderr, lay):
    """No body line ends in a dash between digits; the dateline is never
    stretched past its spaces' limit."""
    import re
    lines = [l for p in report["pages"] for l in body_lines(p)]
    for a, b in zip(lines, lines[1:]):
        if re.search(r"\d[-\u2010\u2011\u2013]$", a["text"]) and re.match(r"\d", b["text"]):
            raise Fail("a number range broken across lines: %r / %r" % (a["text"], b["text"]))
    if not lines or not lines[0]["text"].startswith("EVANSVILLE"):
        raise Fail("the first body line is not the dateline's: %r" % (lines[:1],))
    for l in lines:
        if "\u2014" in l["text"]:
            break  # the dateline's dash: the text runs on from here
        if l.get("justified") and l.get("ratio", 0) > 1:
            raise Fail("a line of the dateline stretched to ratio %.2f: %r" % (l["ratio"], l["text"]))
    if lines[0].get("justified"):
        raise Fail("the dateline's first line %r should be set ragged in this column" % lines[0]["text"])


def one_letter_words(report, stderr, lay):
    """Some line ends in a one-letter word (its no-break space gave way to
    spare a loose line); none starts with a dash, none ends in an initial or
    a number whose unit or name starts the next."""
    import re
    lines = [l for p in report["pages"] for l in body_lines(p)]
    if not any(re.search(r"(^|[\s\u00a0])\w$", l["text"]) for l in lines):
        raise Fail("no line ends in a one-letter word: its no-break space never gave way")
    for a, b in zip(lines, lines[1:]):
        if re.match(r"[\u2013\u2014]", b["text"]):
            raise Fail("a line starts with a dash: %r / %r" % (a["text"], b["text"]))
        if re.search(r"(\d|\b\w\.)$", a["text"]):
            raise Fail("a number or an initial ends a line: %r / %r" % (a["text"], b["text"]))


def compound_words(report, stderr, lay):
    """Some line ends in a dictionary break inside a compound's part
    ("well-estab-"), and some paragraph's last word is hyphenated, but no last
    line is a stub of fewer than five letters."""
    import re
    with open(os.path.join(EDGE, "compound-words.yaml"), encoding="utf-8") as f:
        source = f.read()
    lines = [l for p in report["pages"] for l in body_lines(p)]
    if not any(re.search(r"\w-\w+-$", l["text"]) and
               l["text"].split()[-1] not in source for l in lines):
        raise Fail("no compound is hyphenated inside a part")
    last_split = False
    for a, b in zip(lines, lines[1:] + [None]):
        if b is not None and b.get("block") == a.get("block"):
            continue
        prev = lines[lines.index(a) - 1] if lines.index(a) else None
        if prev and prev.get("block") == a.get("block") and prev.get("hyphenated") and \
                not prev["text"].endswith("--") and prev["text"].split()[-1] not in source:
            last_split = True
            letters = len(re.findall(r"\w", a["text"].split()[0]))
            if letters < 5:
                raise Fail("a last line of %d letters after a hyphen: %r" % (letters, a["text"]))
    if not last_split:
        raise Fail("no paragraph's last word is hyphenated")


# name: (yaml, layout, pictures {file: (w, h)}, exit, stderr substrings, check)
CASES = {
    "short-before-pullquote": ("short-before-pullquote.yaml", "tabloid", {}, 0, [], pullquote_set),
    "tall-pullquote": ("tall-pullquote.yaml", "tabloid", {}, 0,
                       ["warning: pull-quote", "taller than a column", "overset"],
                       pullquote_not_set),
    "same-place-pullquotes": ("same-place-pullquotes.yaml", "tabloid", {}, 0,
                              ["warning: pull-quote moved", "is taken"], two_pullquotes),
    "sidebar-and-pullquote": ("sidebar-and-pullquote.yaml", "tabloid", {}, 0,
                              ["moved", "is taken"], sidebar_and_pullquote),
    "covered-column": ("covered-column.yaml", "tabloid", {}, 0, [], covered_column),
    "picture-covers-page": ("picture-covers-page.yaml", "tabloid", {"cover.png": (40, 56)}, 0,
                            ["pixels per inch"], picture_covers_page),
    "picture-moved-past-end": ("picture-moved-past-end.yaml", "tabloid", {"cover.png": (40, 56)},
                               0, ["pixels per inch"], picture_on_own_page),
    "picture-all-columns": ("picture-all-columns.yaml", "tabloid", {"wide.png": (60, 40)}, 0,
                            [], picture_all_columns),
    "picture-too-wide": ("picture-too-wide.yaml", "tabloid", {"wide.png": (60, 40)}, 1,
                         ["picture-too-wide.yaml:", "error: 'span' is 6 but the layout has 5 columns"],
                         None),
    "narrow-slot": ("narrow-slot.yaml", os.path.join(EDGE, "narrow-slot.layout.yaml"), {}, 0, [],
                    narrow_slot),
    "pullquote-long-word": ("pullquote-long-word.yaml",
                            os.path.join(ROOT, "examples", "layouts", "magazine-a4-inset.yaml"),
                            {}, 0, [], None),
    "ranges-dateline": ("ranges-dateline.yaml", "tabloid", {}, 0, [], ranges_dateline),
    "one-letter-words": ("one-letter-words.yaml", "tabloid", {}, 0, [], one_letter_words),
    "compound-words": ("compound-words.yaml", "tabloid", {}, 0, [], compound_words),
}


def layout_path(layout):
    return layout if "/" in layout else os.path.join(ROOT, "layouts", layout + ".yaml")


def run(exe, name):
    yaml_name, layout, pics, want, needles, check = CASES[name]
    out = tempfile.mkdtemp(prefix="edge.")
    try:
        src = os.path.join(EDGE, yaml_name)
        art = src
        if pics:
            art = os.path.join(out, yaml_name)
            shutil.copy(src, art)
            for f, (w, h) in pics.items():
                png(os.path.join(out, f), w, h)
        pdf = os.path.join(out, "out.pdf")
        rep = os.path.join(out, "out.json")
        cmd = [exe, "render", art, "-l", layout, "-o", pdf, "--report", rep]
        print("+ " + " ".join(cmd))
        p = subprocess.run(cmd, capture_output=True, text=True)
        sys.stdout.write("".join("  stderr: " + l + "\n" for l in p.stderr.splitlines()))
        if p.returncode != want:
            raise Fail("exit status %d, expected %d" % (p.returncode, want))
        for n in needles:
            if n not in p.stderr:
                raise Fail("standard error lacks %r" % n)
        if want != 0:
            left = [f for f in os.listdir(out) if f.startswith("out")]
            if left:
                raise Fail("a failed render wrote %s" % left)
            return
        if "error:" in p.stderr:
            raise Fail("an error diagnostic, yet exit status 0")
        cc = [sys.executable, os.path.join(HERE, "check_output.py"), "--report", rep, "--pdf", pdf,
              "--article", art, "--layout", layout_path(layout)]
        print("+ " + " ".join(cc))
        if subprocess.run(cc).returncode != 0:
            raise Fail("check_output.py failed")
        if check:
            with open(rep, encoding="utf-8") as f:
                report = json.load(f)
            check(report, p.stderr, layout)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main(argv):
    if argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    if len(argv) != 3 or argv[2] not in CASES:
        print("usage: edge_test.py NEWSPRINT CASE | --list (cases: %s)" % " ".join(CASES),
              file=sys.stderr)
        return 2
    try:
        run(argv[1], argv[2])
    except Fail as e:
        print("FAIL: %s: %s" % (argv[2], e))
        return 1
    print("ok: %s" % argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
