#!/usr/bin/env python3
"""folio_test.py - one folio baseline: an article's folio and an edition's sit
on the same baseline, on the newspaper layouts (articles had theirs 0.6 pt above
an edition's).

    folio_test.py NEWSPRINT     exit 0 pass, 1 fail
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ARTICLE = os.path.join(ROOT, "examples", "commonwealth.yaml")
EDITION = os.path.join(ROOT, "examples", "edition", "edition.yaml")


def folios(exe, src, layout, d):
    """[(page, frame top, baseline)] of the report's folio lines."""
    rep = os.path.join(d, "r.json")
    p = subprocess.run([exe, "render", src, "-l", layout, "-o", os.path.join(d, "o.pdf"),
                        "--report", rep], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("FAIL: %s on %s: exit %d\n%s" % (src, layout, p.returncode, p.stderr))
    with open(rep) as f:
        r = json.load(f)
    out = []
    for pg in r["pages"]:
        tops = {fr["id"]: fr["y"] for fr in pg["frames"] if fr["kind"] == "folio"}
        out += [(pg["number"], tops[ln["frame"]], ln["baseline"])
                for ln in pg["lines"] if ln["frame"] in tops]
    return out


def main():
    exe = sys.argv[1]
    layouts = ["tabloid", "broadsheet", "berliner"]  # the edition's five columns
    bad = []
    with tempfile.TemporaryDirectory() as d:
        for layout in layouts:
            a, e = folios(exe, ARTICLE, layout, d), folios(exe, EDITION, layout, d)
            if not a or not e:
                bad.append("%s: no folio (article %d, edition %d)" % (layout, len(a), len(e)))
                continue
            every = a + e
            if any(abs(t - every[0][1]) > 0.01 for _, t, _ in every):
                bad.append("%s: folio tops differ: %s" % (layout, sorted({t for _, t, _ in every})))
            spread = max(b for _, _, b in every) - min(b for _, _, b in every)
            if spread > 0.01:
                bad.append("%s: folio baselines %.2f pt apart (article %.2f, edition %.2f)"
                           % (layout, spread, a[0][2], e[0][2]))
    for b in bad:
        print("FAIL " + b)
    if not bad:
        print("ok: one folio baseline on %s" % ", ".join(layouts))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
