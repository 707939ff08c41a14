#!/usr/bin/env python3
"""proof_test.py - the proof marks of --debug previews (issue 16, item 6),
one case a run.

    proof_test.py NEWSPRINT CASE   run one case
    proof_test.py --list           print the case names, one a line

The marks are looked for in PNG pages at the places the report gives
(frames, lines), by colour: the overset bar is red, a low-resolution
picture's outline orange. The same render without --debug must have none of
them there, and a PDF/X output (which refuses --debug) none either.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from edge_test import png  # noqa: E402  (a small RGB PNG)
from pictures_test import png_rows  # noqa: E402

DPI = 72


class Fail(Exception):
    pass


def run(args, want):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != want:
        raise Fail("%s: exit %d, expected %d\n%s" % (" ".join(args), p.returncode, want,
                                                     p.stderr))
    return p.stderr


_ROWS = {}


def count(path, box, test):
    """Pixels of the PNG inside box (x, y, w, h in pt) that pass test((r, g, b)),
    and the pixels in the box."""
    if path not in _ROWS:
        _ROWS[path] = png_rows(path)
    rows, bpp = _ROWS[path]
    s = DPI / 72.0
    x0, y0 = int(box[0] * s), int(box[1] * s)
    x1, y1 = int((box[0] + box[2]) * s), int((box[1] + box[3]) * s)
    n = 0
    for y in range(max(y0, 0), min(y1, len(rows))):
        row = rows[y]
        for x in range(max(x0, 0), min(x1, len(row) // bpp)):
            n += test(tuple(row[x * bpp:x * bpp + 3]))
    return n, max(x1 - x0, 0) * max(y1 - y0, 0)


def red(c):
    return c[0] > 180 and c[1] < 60 and c[2] < 60


def orange(c):
    return c[0] > 180 and 40 < c[1] < 130 and c[2] < 60


def overset_edition(d):
    """A one-page edition whose story (the seed article) has 50 grid lines of
    three columns: most of it overset."""
    os.mkdir(os.path.join(d, "stories"))
    shutil.copy(os.path.join(ROOT, "examples", "commonwealth.yaml"),
                os.path.join(d, "stories", "commonwealth.yaml"))
    path = os.path.join(d, "edition.yaml")
    with open(path, "w") as f:
        f.write("issue:\n  name: The Proof\n  date: 2024-10-15\n  pages:\n"
                "    - stories:\n        - {article: stories/commonwealth.yaml, "
                "columns: [1, 3], depth: 50}\n")
    return path


def foot_of_story(report, story):
    """The bar's place: the story's last column frame on page 1, its foot
    (the frame ends with the module: the text fills it)."""
    page = report["pages"][0]
    frames = {f["id"]: f for f in page["frames"]}
    last = [ln for ln in page["lines"] if ln.get("article") == story and
            frames[ln["frame"]]["kind"] == "column"][-1]
    fr = frames[last["frame"]]
    grid = 11.5
    return (fr["x"] + 2, fr["y"] + fr["h"] - 1.2 * grid, fr["w"] - 4, grid), last


def case_overset_bar(np, d):
    """--debug draws a red bar at the foot of an overset story's last frame;
    without --debug there is none; the warning gives the figures."""
    ed = overset_edition(d)
    out, rep = os.path.join(d, "p.png"), os.path.join(d, "r.json")
    err = run([np, "render", ed, "--debug", "--dpi", str(DPI), "-o", out, "--report", rep], 0)
    if "lines over" not in err:
        raise Fail("no overset warning:\n" + err)
    with open(rep) as f:
        report = json.load(f)
    box, last = foot_of_story(report, "commonwealth")
    n, area = count(os.path.join(d, "p-1.png"), box, red)
    if n < area * 0.5:
        raise Fail("overset bar: %d of %d pixels red at the foot of frame %s (box %s)"
                   % (n, area, last["frame"], box))
    run([np, "render", ed, "--dpi", str(DPI), "-o", os.path.join(d, "plain.png")], 0)
    m, _ = count(os.path.join(d, "plain-1.png"), box, red)
    if m:
        raise Fail("without --debug: %d red pixels at the frame's foot" % m)
    print("ok: %d of %d pixels red at the foot of %s with --debug, none without"
          % (n, area, last["frame"]))


def case_pdfx_none(np, d):
    """--debug is refused with PDF/X (from the command line or the layout's
    print: section), nothing written; the PDF/X output of the overset story
    has no red at the frame's foot (pdftoppm)."""
    ed = overset_edition(d)
    x = os.path.join(d, "x.pdf")
    err = run([np, "render", ed, "--debug", "--pdfx", "x1a", "--output-condition", "IFRA26",
               "-o", x], 1)
    if "--debug" not in err or os.path.exists(x):
        raise Fail("--debug with --pdfx: %r, file written: %s" % (err, os.path.exists(x)))
    lay = os.path.join(d, "press.yaml")
    with open(lay, "w") as f:
        f.write("print: {pdfx: x1a, output_condition: IFRA26}\n")
    err = run([np, "render", ed, "-l", lay, "--debug", "-o", x], 1)
    if "--debug" not in err or os.path.exists(x):
        raise Fail("--debug with a print: layout: %r" % err)
    rep = os.path.join(d, "r.json")
    run([np, "render", ed, "--pdfx", "x1a", "--output-condition", "IFRA26", "-o", x,
         "--report", rep], 0)
    with open(rep) as f:
        box, _ = foot_of_story(json.load(f), "commonwealth")
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-singlefile", x,
                    os.path.join(d, "x")], check=True)
    n, _ = count(os.path.join(d, "x.png"), box, red)
    if n:
        raise Fail("the PDF/X output has %d red pixels at the frame's foot" % n)
    print("ok: refused twice, and the PDF/X page has no mark")


def case_low_ppi(np, d):
    """A 40 x 30 pixel picture over two columns (about 10 ppi) is outlined in
    orange with --debug, not without."""
    png(os.path.join(d, "small.png"), 40, 30)
    art = os.path.join(d, "a.yaml")
    with open(art, "w") as f:
        f.write("id: small\nheadline: A small picture\nbody:\n" +
                "".join("  - Paragraph %d, with words enough to fill a few lines.\n" % i
                        for i in range(6)) +
                "images:\n  - {file: small.png, span: 2, caption: Too few pixels}\n")
    rep = os.path.join(d, "r.json")
    for debug, want in ((["--debug"], True), ([], False)):
        out = os.path.join(d, "p%d.png" % len(debug))
        run([np, "render", art, "--dpi", str(DPI), "-o", out, "--report", rep] + debug, 0)
        with open(rep) as f:
            report = json.load(f)
        fr = [f for f in report["pages"][0]["frames"] if f["kind"] == "image"][0]
        edge = (fr["x"], fr["y"], fr["w"], 3)  # the outline's top side
        n, area = count(out[:-4] + "-1.png", edge, orange)
        if want and n < area * 0.3:
            raise Fail("low-ppi outline: %d of %d pixels orange along the top" % (n, area))
        if not want and n:
            raise Fail("without --debug: %d orange pixels along the picture's top" % n)
    print("ok: outlined with --debug only")


def case_article_overset(np, d):
    """An article stopped by --max-pages (its pages drawn as the flow finishes
    them) gets the bar under its last line on the last page."""
    out, rep = os.path.join(d, "p.png"), os.path.join(d, "r.json")
    run([np, "render", os.path.join(ROOT, "examples", "commonwealth.yaml"), "-l", "magazine-a4",
         "--max-pages", "1", "--debug", "--dpi", str(DPI), "-o", out, "--report", rep], 0)
    with open(rep) as f:
        page = json.load(f)["pages"][0]
    frames = {f["id"]: f for f in page["frames"]}
    last = [ln for ln in page["lines"] if ln.get("article") == "commonwealth" and
            frames[ln["frame"]]["kind"] == "column"][-1]
    fr, grid = frames[last["frame"]], 12
    box = (fr["x"] + 2, last["baseline"] + 0.4 * grid, fr["w"] - 4, grid)
    n, area = count(os.path.join(d, "p-1.png"), box, red)
    if n < area * 0.5:
        raise Fail("%d of %d pixels red under the last line (box %s)" % (n, area, box))
    print("ok: %d of %d pixels red under the last line" % (n, area))


def bluish(c):
    return c[2] - c[0] > 60


def orangish(c):
    return c[0] - c[2] > 60


def case_spacing_tints(np, d):
    """Loose lines (ratio over 1) get a blue tint in the gutter left of them,
    tight ones (under -0.7) an orange one, the others none: read from the
    report's lines."""
    ed = overset_edition(d)
    out, rep = os.path.join(d, "p.png"), os.path.join(d, "r.json")
    run([np, "render", ed, "--debug", "--dpi", str(DPI), "-o", out, "--report", rep], 0)
    with open(rep) as f:
        page = json.load(f)["pages"][0]
    frames = {f["id"]: f for f in page["frames"]}
    seen = {"loose": 0, "tight": 0, "plain": 0}
    for ln in page["lines"]:
        fr = frames[ln["frame"]]
        if fr["kind"] != "column" or ln.get("style") not in ("body", "body_first"):
            continue
        box = (fr["x"] - 4, ln["baseline"] - 6, 2.5, 6)
        r = ln.get("ratio", 0) if ln.get("justified") else 0
        kind = "loose" if r > 1 else "tight" if r < -0.7 else "plain"
        nb, area = count(out[:-4] + "-1.png", box, bluish)
        no, _ = count(out[:-4] + "-1.png", box, orangish)
        got = "loose" if nb > area / 2 else "tight" if no > area / 2 else "plain" \
            if nb + no == 0 else "mixed"
        if got != kind:
            raise Fail("line %r (ratio %s): %s in the gutter, expected %s"
                       % (ln["text"], r, got, kind))
        seen[kind] += 1
    if not seen["loose"] or not seen["tight"]:
        raise Fail("the case has no loose or no tight line to see: %s" % seen)
    print("ok: %s" % seen)


CASES = {"overset-bar": case_overset_bar, "article-overset": case_article_overset,
         "pdfx-none": case_pdfx_none, "low-ppi": case_low_ppi,
         "spacing-tints": case_spacing_tints}


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    np, case = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as d:
        try:
            CASES[case](os.path.abspath(np), d)
        except Fail as e:
            print("FAIL %s: %s" % (case, e))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
