#!/usr/bin/env python3
"""render_edition.py - an edition rendered page by page with the Python package.

    python3 examples/render_edition.py [EDITION.yaml] [OUTDIR] [--format png|svg|pdf] [--dpi N]

Defaults: examples/edition/edition.yaml into out/edition/, PNG at 72 dpi. The
edition is laid out once; each page is written to its own file (OUTDIR/A1.png,
...: the page's label), one line a page, then the copyfit table. Run it from
the checkout with the built library:

    NEWSPRINT_LIBRARY=build/src/libnewsprint.so PYTHONPATH=python \\
        python3 examples/render_edition.py
"""
import argparse
import os
import sys
import time

try:
    import newsprint
except ImportError:  # run from the checkout without installing
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
    import newsprint


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("edition", nargs="?", default=os.path.join(here, "edition", "edition.yaml"))
    ap.add_argument("outdir", nargs="?", default=os.path.join("out", "edition"))
    ap.add_argument("--format", choices=newsprint.FORMATS, default="png")
    ap.add_argument("--dpi", type=int, default=72)
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    t0 = time.monotonic()
    try:
        with newsprint.Job(args.edition, dpi=args.dpi) as job:
            pages = job.render_pages(args.format)
            report = job.report()
            warnings = [d for d in job.diagnostics if d.severity != "error"]
            copyfit = job.copyfit
    except newsprint.Error as e:
        for d in e.diagnostics:
            print(d, file=sys.stderr)
        return 1
    labels = {p["number"]: p.get("label") or str(p["number"]) for p in report["pages"]}
    for number, data in pages:
        path = os.path.join(args.outdir, "%s.%s" % (labels[number], args.format))
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.replace(path + ".tmp", path)  # whole or not at all
        stories = sorted({ln["article"] for p in report["pages"] if p["number"] == number
                          for ln in p["lines"] if ln.get("article")})
        print("page %-3s %8d bytes  %s" % (labels[number], len(data), ", ".join(stories)))
    for d in warnings:
        print(d)
    print("%-28s %5s %6s %5s %5s  %s" % ("story", "pages", "lines", "over", "empty", "ends on"))
    for row in copyfit:
        print("%-28s %5d %6d %5d %5d  %s%s" % (row.story, row.pages, row.lines, row.overset_lines,
                                              row.empty_lines, row.ends_on,
                                              "" if row.fits else "  OVERSET"))
    print("%d pages in %s in %.2f s" % (len(pages), args.outdir, time.monotonic() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
