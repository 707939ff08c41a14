#!/usr/bin/env python3
"""spacing_check.py - word spacing and word widths of justified body text, read from the PDF
(issue 14).

    spacing_check.py NEWSPRINT LAYOUT ARTICLE.yaml...   render each, then check them together
    spacing_check.py --pdf OUT.pdf --report OUT.json [--pdf ... --report ...] [--layout L]
    --lines (either form): also list every loose, very loose and tight line (< 0.15 em)
    with its mean gap in ems and the report's ratio and letter-spacing (what made it so)

The report says only which lines are body lines and where they stand (frame, baseline, x,
measure); everything measured comes from the PDF's word boxes (pdftotext -bbox), not from
the engine's own ratios or letter-spacing:
  loose       a justified body line whose mean gap between words is over 0.5 em;
  very loose  over 0.75 em (the body size is the layout's); shares of the justified body
              lines of two words or more, as pdfcheck typography gives them;
  width       every word of 5+ letters (letters only, not a line's hyphenated end) seen
              3+ times in an article, against the median width of its occurrences:
              the share more than 3% off, and the 95th percentile of the deviation.
Ceilings (a regression fails; the issue's targets where they are met, else what is met now):
  over the articles together: loose <= LOOSE, very loose <= VERY_LOOSE,
  words more than 3% off <= OVER_3PCT; each article with >= 20 words compared:
  p95 <= P95; the Russian articles (language ru) together: loose <= RU_LOOSE.
Exit 0 within the ceilings, 1 over one, 2 bad usage or input.
"""
import argparse
import html
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BODY = {"body", "body_first"}

LOOSE = 0.20       # issue 14's target (18.6% on the tabloid corpus)
VERY_LOOSE = 0.03  # target (2.7%)
OVER_3PCT = 0.01   # target
P95 = 0.02         # target
RU_LOOSE = 0.26    # target 0.20: not met (25.3%; docs/breaking.md says why)

WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">'
                  r'([^<]*)</word>')
PAGE = re.compile(r"<page ")


def words_by_page(pdf):
    """{page number: [(x0, y0, x1, y1, text)]} from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    pages, n = {}, 0
    for chunk in PAGE.split(out)[1:]:
        n += 1
        pages[n] = [(float(a), float(b), float(c), float(d), html.unescape(t))
                    for a, b, c, d, t in WORD.findall(chunk)]
    return pages


def layout_path(layout):
    """A layout YAML's path, or a bundled layout's by its name."""
    return layout if "/" in layout else os.path.join(ROOT, "layouts", layout + ".yaml")


def body_size(layout):
    try:
        import yaml
        with open(layout, encoding="utf-8") as f:
            lay = yaml.safe_load(f) or {}
        return float(((lay.get("styles") or {}).get("body") or {}).get("size", 9.5))
    except (OSError, ValueError, ImportError):
        return 9.5


def measure(pdf, report, em, show=None):
    """(justified lines, loose, very loose, [word width deviations], languages); show: a
    name to list the loose, very loose and tight lines under."""
    with open(report, encoding="utf-8") as f:
        rep = json.load(f)
    pages = words_by_page(pdf)
    lines = loose = very = 0
    widths = {}
    for page in rep["pages"]:
        ws = pages.get(page["number"], [])
        for ln in page.get("lines", []):
            if ln.get("style") not in BODY:
                continue
            x0, x1, base = float(ln["x"]), float(ln["x"]) + float(ln["width"]), float(ln["baseline"])
            # the line's words: boxes standing on its baseline within its measure
            row = sorted((w for w in ws if w[1] < base < w[3] + 1 and x0 - 1 <= w[0] <= x1 + 1),
                         key=lambda w: w[0])
            if not row:
                continue
            for i, w in enumerate(row):
                t = w[4]
                last_hyph = i == len(row) - 1 and t.endswith(("-", "\u2010"))
                if len(t) >= 5 and t.isalpha() and not last_hyph:
                    widths.setdefault(t, []).append(w[2] - w[0])
            if ln.get("justified") and len(row) > 1:
                lines += 1  # the shares' base, as pdfcheck's loose_share
                gaps = [(b[0] - a[2]) / em for a, b in zip(row, row[1:])]
                mean = sum(gaps) / len(gaps)
                loose += mean > 0.5
                very += mean > 0.75
                if show and (mean > 0.5 or mean < 0.15):
                    print("  %s p%d %-10s gap %.3f em  ratio %5.2f  letters %+.3f  %s"
                          % (show, page["number"], "very loose" if mean > 0.75 else
                             "loose" if mean > 0.5 else "tight", mean, ln.get("ratio", 0),
                             ln.get("letter_spacing", 0), " ".join(w[4] for w in row)))
    devs = sorted(abs(x / m - 1) for v in widths.values() if len(v) >= 3
                  for m in [statistics.median(v)] if m > 0 for x in v)
    langs = {a.get("language") for a in rep.get("articles", [])}
    return lines, loose, very, devs, langs


def article_language(path):
    try:
        import yaml
        with open(path, encoding="utf-8") as f:
            return (yaml.safe_load(f) or {}).get("language") or ""
    except (OSError, ValueError, ImportError):
        return ""


def check(results):
    """results: [(name, language, (lines, loose, very, devs, _))] -> failures."""
    fails = []
    L = sum(r[2][0] for r in results) or 1
    lo = sum(r[2][1] for r in results)
    vl = sum(r[2][2] for r in results)
    devs = [d for r in results for d in r[2][3]]
    over3 = sum(d > 0.03 for d in devs) / len(devs) if devs else 0
    print("spacing_check: %d justified lines: loose %.3f, very loose %.3f; %d words compared, "
          "%.4f more than 3%% off" % (L, lo / L, vl / L, len(devs), over3))
    if lo / L > LOOSE:
        fails.append("loose lines %.3f over the ceiling %.2f" % (lo / L, LOOSE))
    if vl / L > VERY_LOOSE:
        fails.append("very loose lines %.3f over the ceiling %.2f" % (vl / L, VERY_LOOSE))
    if over3 > OVER_3PCT:
        fails.append("words more than 3%% off their width %.4f over the ceiling %.2f"
                     % (over3, OVER_3PCT))
    for name, _, (lines, loose, very, d, _) in results:
        p95 = d[int(0.95 * (len(d) - 1))] if d else 0
        print("  %-28s justified %4d loose %3d very loose %2d words %4d p95 %.4f"
              % (name, lines, loose, very, len(d), p95))
        if len(d) >= 20 and p95 > P95:
            fails.append("%s: width_dev_p95 %.4f over the ceiling %.2f" % (name, p95, P95))
    ru = [r for r in results if r[1].lower().startswith("ru")]
    if ru:
        rl = sum(r[2][0] for r in ru) or 1
        share = sum(r[2][1] for r in ru) / rl
        print("  Russian together: loose %.3f" % share)
        if share > RU_LOOSE:
            fails.append("Russian loose lines %.3f over the ceiling %.2f" % (share, RU_LOOSE))
    return fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("args", nargs="*")
    ap.add_argument("--pdf", action="append", default=[])
    ap.add_argument("--report", action="append", default=[])
    ap.add_argument("--layout")
    ap.add_argument("--lines", action="store_true")
    a = ap.parse_args()
    results = []
    try:
        if a.pdf:
            if len(a.pdf) != len(a.report) or a.args:
                ap.error("as many --pdf as --report, and nothing else")
            em = body_size(layout_path(a.layout)) if a.layout else 9.5
            for pdf, rep in zip(a.pdf, a.report):
                m = measure(pdf, rep, em, os.path.basename(pdf) if a.lines else None)
                results.append((os.path.basename(pdf), next(iter(m[4] - {None}), "") or "", m))
        else:
            if len(a.args) < 3:
                ap.error("NEWSPRINT LAYOUT ARTICLE..., or --pdf/--report")
            exe, layout, arts = a.args[0], a.args[1], a.args[2:]
            em = body_size(layout_path(layout))
            with tempfile.TemporaryDirectory(prefix="spacing.") as tmp:
                for art in arts:
                    name = os.path.basename(art)[:-5]
                    pdf, rep = os.path.join(tmp, name + ".pdf"), os.path.join(tmp, name + ".json")
                    p = subprocess.run([exe, "render", art, "-l", layout, "-o", pdf,
                                        "--report", rep], capture_output=True, text=True)
                    if p.returncode != 0:
                        print("FAIL: newsprint exited %d on %s: %s" % (p.returncode, art,
                                                                      p.stderr.strip()))
                        return 1
                    results.append((name, article_language(art),
                                    measure(pdf, rep, em, name if a.lines else None)))
    except (OSError, ValueError, subprocess.CalledProcessError) as e:
        print("spacing_check: %s" % e, file=sys.stderr)
        return 2
    fails = check(results)
    for f in fails:
        print("FAIL " + f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
