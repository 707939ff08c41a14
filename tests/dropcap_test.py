#!/usr/bin/env python3
"""dropcap_test.py - the drop cap (issue 4, item 5).

    dropcap_test.py NEWSPRINT

Renders examples/drop-cap.yaml with examples/layouts/tabloid-drop-cap.yaml
(drop_cap: N lines), runs check_output.py on it, and checks that the report has
exactly one line of style drop_cap holding one letter, and that the first N body
lines of block 1 are shifted right of their column by one same amount and are
narrower than the column.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ARTICLE = os.path.join(ROOT, "examples", "drop-cap.yaml")
LAYOUT = os.path.join(ROOT, "examples", "layouts", "tabloid-drop-cap.yaml")


def main(argv):
    if len(argv) != 2:
        print("usage: dropcap_test.py NEWSPRINT", file=sys.stderr)
        return 2
    with open(LAYOUT, encoding="utf-8") as f:
        depth = int(yaml.safe_load(f)["drop_cap"])
    out = tempfile.mkdtemp(prefix="dropcap.")
    try:
        pdf, rep = os.path.join(out, "d.pdf"), os.path.join(out, "d.json")
        cmd = [argv[1], "render", ARTICLE, "-l", LAYOUT, "-o", pdf, "--report", rep]
        print("+ " + " ".join(cmd))
        p = subprocess.run(cmd)
        if p.returncode != 0:
            print("FAIL: newsprint exited %d" % p.returncode)
            return 1
        cc = [sys.executable, os.path.join(HERE, "check_output.py"), "--report", rep, "--pdf", pdf,
              "--article", ARTICLE, "--layout", LAYOUT]
        print("+ " + " ".join(cc))
        if subprocess.run(cc).returncode != 0:
            print("FAIL: check_output.py failed")
            return 1
        with open(rep, encoding="utf-8") as f:
            report = json.load(f)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    errs = []
    caps = [(p, l) for p in report["pages"] for l in p["lines"] if l.get("style") == "drop_cap"]
    if len(caps) != 1:
        errs.append("%d lines of style drop_cap, expected 1" % len(caps))
    else:
        t = caps[0][1].get("text", "").strip()
        if len(t) != 1 or not t.isalpha():
            errs.append("the drop cap is %r, expected one letter" % t)
    page = report["pages"][0]
    frames = {f["id"]: f for f in page["frames"]}
    first = [l for l in page["lines"] if l.get("block") == 1 and
             l.get("style") in ("body", "body_first") and
             frames.get(l["frame"], {}).get("kind") == "column"][:depth]
    if len(first) < depth:
        errs.append("block 1 has %d body lines on page 1, fewer than the cap's %d" % (len(first), depth))
    shifts = set()
    for l in first:
        col = frames[l["frame"]]
        shift = round(l["x"] - col["x"], 2)
        shifts.add(shift)
        if shift <= 0:
            errs.append("line %r is not shifted right of its column (x %.2f, column %.2f)" % (
                l["text"], l["x"], col["x"]))
        if l["width"] >= col["w"] - 0.05 or l["x"] + l["width"] > col["x"] + col["w"] + 0.05:
            errs.append("line %r is not narrower than its column (width %.2f, column %.2f)" % (
                l["text"], l["width"], col["w"]))
    if len(shifts) > 1:
        errs.append("the first %d lines are shifted by different amounts: %s" % (depth, sorted(shifts)))
    for e in errs:
        print("FAIL: " + e)
    if errs:
        return 1
    print("ok: one drop cap %r, %d lines beside it shifted %.2f pt" % (
        caps[0][1]["text"], depth, shifts.pop()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
