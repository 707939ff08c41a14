#!/usr/bin/env python3
"""typography_check.py - typographic properties of one article's render (issue 4).

    typography_check.py [--checks LIST] NEWSPRINT ARTICLE.yaml LAYOUT [--out DIR]
    typography_check.py [--checks LIST] --report R.json --layout L.yaml [--article ID]

Renders ARTICLE on LAYOUT (a bundled name or a layout YAML) with a report, or
reads a report already made, and checks, per article of the report:
  hyphen-run  at most hyphenation.max_run (layout; default 2) hyphenated body
              lines in a row within a column frame;
  widow       no paragraph's last line alone at the top of a column or below an
              obstacle (its previous line in another column, or over a gap of more
              than a line and a half), unless the paragraph has one line;
  orphan      no paragraph's first line alone at the bottom of a column or above
              an obstacle;
  lone        no line of a paragraph alone in a run of lines (between an
              obstacle and a column's end, or two obstacles);
  balance     on the article's last page, the last baselines of the column frames
              that hold its body text are within one grid line of each other,
              ignoring a column whose text ends directly above an obstacle frame
              (pull-quote, sidebar, image) standing in it, or above a subhead
              frame of that column.
Body lines are the lines of column frames in styles body and body_first (report
order); a paragraph is the run of consecutive body lines of one block.
--checks picks some of them, comma-separated (default: all five).
Exit 0 all passed, 1 a check failed, 2 bad usage or input.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BODY = {"body", "body_first"}
OBSTACLES = {"pullquote", "sidebar", "image", "caption"}


def load_yaml(path):
    import yaml
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def layout_file(layout):
    if "/" in layout or layout.endswith(".yaml"):
        return layout
    return os.path.join(ROOT, "layouts", layout + ".yaml")


def body_lines(report, aid):
    """[(page, frame dict, line)] of the article's body lines in report order."""
    out = []
    for page in report["pages"]:
        frames = {f["id"]: f for f in page.get("frames", [])}
        for ln in page.get("lines", []):
            fr = frames.get(ln.get("frame"))
            if not fr or fr.get("kind") != "column" or ln.get("style") not in BODY:
                continue
            if (ln.get("article") or fr.get("article")) != aid:
                continue
            out.append((page, fr, ln))
    return out


def where(page, ln):
    return "page %s frame %s baseline %.2f %r" % (page["number"], ln["frame"], ln["baseline"],
                                                 ln.get("text", "")[:50])


CHECKS = ("hyphen-run", "widow", "orphan", "lone", "balance")


def check(report, lay, only=None, checks=CHECKS):
    fails = []
    max_run = int(((lay or {}).get("hyphenation") or {}).get("max_run", 2))
    grid = float(report["pages"][0].get("grid", 11.5)) if report["pages"] else 11.5
    ids = [a["id"] for a in report.get("articles", [])]
    if only:
        ids = [i for i in ids if i == only]
        if not ids:
            return ["no article %r in the report" % only]
    for aid in ids:
        lines = body_lines(report, aid)
        # a run of lines: one column frame, unbroken by an obstacle (a gap of
        # more than a line and a half between baselines)
        key, run_no = [], 0
        for i, (p, fr, ln) in enumerate(lines):
            if i and key[i - 1][:2] == (p["number"], fr["id"]) and \
                    float(ln["baseline"]) - float(lines[i - 1][2]["baseline"]) > 1.5 * grid:
                run_no += 1
            key.append((p["number"], fr["id"], run_no))
        # hyphen runs within a column frame
        run = 0
        for i, (page, fr, ln) in enumerate(lines):
            if i and key[i] != key[i - 1]:
                run = 0
            run = run + 1 if ln.get("hyphenated") else 0
            if run == max_run + 1 and "hyphen-run" in checks:
                fails.append("%s: hyphen-run: more than %d hyphenated lines in a row, ending at %s"
                             % (aid, max_run, where(page, ln)))
        # widows and orphans at column breaks
        blk = [ln.get("block") for _, _, ln in lines]
        for i in range(len(lines)):
            page, fr, ln = lines[i]
            top = i > 0 and key[i] != key[i - 1]
            bottom = i + 1 < len(lines) and key[i] != key[i + 1]
            if "widow" in checks and top and blk[i] == blk[i - 1] and (i + 1 == len(lines) or blk[i + 1] != blk[i]):
                fails.append("%s: widow: the last line of block %s alone at the top of a column: "
                             "%s (previous line %s)" % (aid, blk[i], where(page, ln),
                                                        where(lines[i - 1][0], lines[i - 1][2])))
            if "orphan" in checks and bottom and blk[i] == blk[i + 1] and (i == 0 or blk[i - 1] != blk[i]):
                fails.append("%s: orphan: the first line of block %s alone at the bottom of a "
                             "column: %s (next line %s)" % (aid, blk[i], where(page, ln),
                                                            where(lines[i + 1][0], lines[i + 1][2])))
            if "lone" in checks and top and bottom and blk[i - 1] == blk[i] == blk[i + 1]:
                fails.append("%s: lone: a line of block %s alone between an obstacle and a "
                             "column's end: %s" % (aid, blk[i], where(page, ln)))
        # balance on the last page
        if not lines or "balance" not in checks:
            continue
        last = max(p["number"] for p, _, _ in lines)
        page = next(p for p in report["pages"] if p["number"] == last)
        bottoms = {}
        for p, fr, ln in lines:
            if p["number"] == last:
                bottoms[fr["id"]] = max(bottoms.get(fr["id"], -1e9), float(ln["baseline"]))
        frames = {f["id"]: f for f in page.get("frames", [])}
        kept = {}
        for fid, b in bottoms.items():
            col = frames[fid]
            x0, x1 = float(col["x"]), float(col["x"]) + float(col["w"])
            stop = False
            for f in page.get("frames", []):
                k = f.get("kind")
                fx0, fx1 = float(f["x"]), float(f["x"]) + float(f["w"])
                if min(x1, fx1) - max(x0, fx0) <= 0.5:
                    continue
                y = float(f["y"])
                if k in OBSTACLES and b - 0.5 <= y <= b + 2 * grid + 0.5:
                    stop = True
                if k == "subhead" and (f.get("parent") == fid or f.get("parent") is None) and \
                        b - 0.5 <= y <= b + 2 * grid + 0.5:
                    stop = True
            if not stop:
                kept[fid] = b
        if len(kept) >= 2:
            lo, hi = min(kept.values()), max(kept.values())
            if hi - lo > grid + 0.05:
                fails.append("%s: balance: on its last page %d the columns end %.2f pt apart "
                             "(more than one grid line, %.2f): %s" % (
                                 aid, last, hi - lo, grid,
                                 ", ".join("%s %.2f" % kv for kv in sorted(kept.items()))))
    return fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("args", nargs="*")
    ap.add_argument("--report")
    ap.add_argument("--layout")
    ap.add_argument("--article")
    ap.add_argument("--out")
    ap.add_argument("--checks", default=",".join(CHECKS))
    a = ap.parse_args()
    try:
        if a.report:
            with open(a.report, encoding="utf-8") as f:
                report = json.load(f)
            lay = load_yaml(layout_file(a.layout)) if a.layout else {}
        else:
            if len(a.args) != 3:
                ap.error("NEWSPRINT ARTICLE LAYOUT, or --report")
            exe, art, layout = a.args
            tmp = None if a.out else tempfile.TemporaryDirectory(prefix="typo.")
            out = a.out or tmp.name
            os.makedirs(out, exist_ok=True)
            rep = os.path.join(out, os.path.basename(art)[:-5] + ".json")
            cmd = [exe, "render", art, "-l", layout, "-o", rep[:-5] + ".pdf", "--report", rep]
            print("+ " + " ".join(cmd))
            p = subprocess.run(cmd)
            if p.returncode != 0:
                print("FAIL: newsprint exited %d" % p.returncode)
                return 1
            with open(rep, encoding="utf-8") as f:
                report = json.load(f)
            lay = load_yaml(layout_file(layout))
    except (OSError, ValueError) as e:
        print("typography_check: %s" % e, file=sys.stderr)
        return 2
    checks = a.checks.split(",")
    bad = [c for c in checks if c not in CHECKS]
    if bad:
        ap.error("unknown check(s): %s" % ", ".join(bad))
    fails = check(report, lay, a.article, checks)
    for f in fails:
        print("FAIL " + f)
    if fails:
        return 1
    print("typography_check: ok (%s; %d article(s))" % (", ".join(checks),
                                                       len(report.get("articles", []))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
