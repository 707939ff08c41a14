#!/usr/bin/env python3
"""golden.py - golden reports: what the report of every bundled render says (issue 13).

    golden.py list                          the cases, one a line: NAME ARTICLE [LAYOUT]
    golden.py show REPORT.json              the golden text of a report, to stdout
    golden.py compare REPORT.json GOLDEN    exit 0 when the report matches the golden
    golden.py check NEWSPRINT NAME          render case NAME, compare it with its golden
                                            and check the PDF against the report
    golden.py update NEWSPRINT [NAME ...]   render the cases (all by default) and rewrite
                                            the goldens that no longer match

A case is a render of an article on a layout: LAYOUT/ARTICLE for every examples/*.yaml,
LAYOUT/corpus/ARTICLE and LAYOUT/regress/ARTICLE for tests/corpus/ and tests/regress/,
on every layouts/*.yaml (the render tests of tests/meson.build, by the same names), and
the EXTRA cases below (the example edition, the example layouts). Its golden is
tests/golden/NAME.txt, a text form of the report made to be read in `git diff`:

    page NUMBER LABEL WIDTH HEIGHT
    frame ID KIND X Y W H [ARTICLE] [< PARENT]
    line FRAME STYLE X BASELINE | TEXT
    article ID pages P,Q lines N words N overset_words N loose_lines N ...
    warning TEXT                    (its file name without the folder)

in the report's order (a page's frames, then its lines as set). Lengths are in pt,
written rounded to 0.01. Comparing, numbers may differ by up to TOL (0.05 pt: well
below anything visible, above the noise of a rounding), everything else (texts, ids,
styles, counts) must be equal. `update` leaves a golden that still matches untouched, so
its diff holds only real changes, and removes goldens of cases that are gone.
"""
import concurrent.futures
import difflib
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GOLDEN = os.path.join(HERE, "golden")
TOL = 0.05
MAX_DIFF = 80  # diff lines shown by compare

# Renders not in the render tests' product of articles and layouts.
EXTRA = {
    "edition": ("examples/edition/edition.yaml", None),
    "tabloid-drop-cap/drop-cap": ("examples/drop-cap.yaml", "examples/layouts/tabloid-drop-cap.yaml"),
    "magazine-a4-inset/inset-quote": ("examples/inset-quote.yaml",
                                      "examples/layouts/magazine-a4-inset.yaml"),
}


def names(folder):
    return [os.path.basename(p)[:-5] for p in sorted(glob.glob(os.path.join(ROOT, folder, "*.yaml")))]


def cases():
    """{NAME: (article path, layout path or None)}, paths relative to ROOT."""
    out = {}
    for layout in names("layouts"):
        lp = "layouts/%s.yaml" % layout
        for set_, folder in (("", "examples"), ("corpus/", "tests/corpus"), ("regress/", "tests/regress")):
            for a in names(folder):
                out["%s/%s%s" % (layout, set_, a)] = ("%s/%s.yaml" % (folder, a), lp)
    out.update(EXTRA)
    return out


# ---------------------------------------------------------------- the text form

def num(v):
    s = "%.2f" % float(v)
    s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def show(report):
    out = []
    for p in report.get("pages", []):
        out.append("page %s %s %s %s" % (p.get("number"), p.get("label", p.get("number")),
                                         num(p["width"]), num(p["height"])))
        for f in p.get("frames", []):
            s = "frame %s %s %s %s %s %s" % (f["id"], f["kind"], num(f["x"]), num(f["y"]),
                                             num(f["w"]), num(f["h"]))
            if f.get("article") is not None:
                s += " " + f["article"]
            if f.get("parent") is not None:
                s += " < " + f["parent"]
            out.append(s)
        for ln in p.get("lines", []):
            out.append("line %s %s %s %s | %s" % (ln["frame"], ln["style"], num(ln["x"]),
                                                  num(ln["baseline"]), ln["text"]))
    for a in report.get("articles", []):
        s = "article %s" % a["id"]
        for k, v in a.items():
            if k == "id":
                continue
            s += " %s %s" % (k, ",".join(map(str, v)) if isinstance(v, list) else v)
        out.append(s)
    for w in report.get("warnings", []):
        out.append("warning " + re.sub(r"^[^:\s]*/", "", warning_text(w)))
    return "".join(l.replace("\n", "\\n") + "\n" for l in out)



def warning_text(w):
    """A report warning (an object, as --diagnostics json gives it) as the
    command line prints it."""
    if w.get("file") and w.get("line", 0) > 0:
        return "%s:%d:%d: warning: %s" % (w["file"], w["line"], w["column"], w["message"])
    return "%s: warning: %s" % (w.get("file") or "newsprint", w["message"])

_NUM = re.compile(r"-?\d+(\.\d+)?$")


def same_line(a, b):
    """Two lines of the text form agree: numbers within TOL, the rest equal."""
    if a == b:
        return True
    ha, _, ta = a.partition(" | ")
    hb, _, tb = b.partition(" | ")
    if ta != tb:
        return False
    fa, fb = ha.split(" "), hb.split(" ")
    if len(fa) != len(fb):
        return False
    for x, y in zip(fa, fb):
        if x == y:
            continue
        if not (_NUM.match(x) and _NUM.match(y)) or abs(float(x) - float(y)) > TOL + 1e-9:
            return False
    return True


def same(golden_text, new_text):
    a, b = golden_text.splitlines(), new_text.splitlines()
    return len(a) == len(b) and all(same_line(x, y) for x, y in zip(a, b))


def diff(golden_text, new_text, name):
    d = list(difflib.unified_diff(golden_text.splitlines(), new_text.splitlines(),
                                  "golden/" + name, "this render", lineterm="", n=2))
    if len(d) > MAX_DIFF:
        d = d[:MAX_DIFF] + ["... %d more diff lines" % (len(d) - MAX_DIFF)]
    return "\n".join(d)


def load(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def compare(report, golden_path, name):
    """Prints what differs; returns 0 (same), 1 (differs) or 2 (no golden)."""
    new = show(report)
    if not os.path.isfile(golden_path):
        print("FAIL golden: no golden file %s; make it with `./dev golden` and review it" % golden_path)
        return 2
    old = load(golden_path)
    if same(old, new):
        print("golden: ok (%s, %d lines within %s pt)" % (name, len(new.splitlines()), TOL))
        return 0
    print("FAIL golden: the report differs from %s (numbers within %s pt aside):" % (golden_path, TOL))
    print(diff(old, new, name))
    print("If the change is intended: `./dev golden` rewrites the goldens; review `git diff tests/golden`.")
    return 1


# ---------------------------------------------------------------- rendering

def render(exe, name, article, layout, out):
    """Renders a case into folder out; returns (pdf, report dict) or raises RuntimeError."""
    pdf = os.path.join(out, "out.pdf")
    rep = os.path.join(out, "out.json")
    cmd = [exe, "render", os.path.join(ROOT, article), "-o", pdf, "--report", rep]
    if layout:
        cmd += ["-l", os.path.join(ROOT, layout)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0 or "error:" in p.stderr:
        raise RuntimeError("%s: `%s` exited %d: %s" % (name, " ".join(cmd), p.returncode,
                                                       p.stderr.strip()[-600:]))
    with open(rep, encoding="utf-8") as f:
        return pdf, json.load(f)


def golden_path(name):
    return os.path.join(GOLDEN, name + ".txt")


def cmd_check(exe, name):
    c = cases()
    if name not in c:
        print("golden: no case %s (golden.py list)" % name, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="golden.") as d:
        try:
            pdf, report = render(exe, name, *c[name], d)
        except RuntimeError as e:
            print("FAIL: %s" % e)
            return 1
        rc = compare(report, golden_path(name), name)
        p = subprocess.run([sys.executable, os.path.join(HERE, "pdf_report_check.py"),
                            "--report", os.path.join(d, "out.json"), "--pdf", pdf])
    return 1 if rc or p.returncode else 0


def update_one(exe, name, article, layout):
    with tempfile.TemporaryDirectory(prefix="golden.") as d:
        _, report = render(exe, name, article, layout, d)
    new = show(report)
    path = golden_path(name)
    if os.path.isfile(path) and same(load(path), new):
        return None
    was = os.path.isfile(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    return "changed" if was else "new"


def cmd_update(exe, only):
    c = cases()
    todo = only or sorted(c)
    bad = [n for n in todo if n not in c]
    if bad:
        print("golden: no case %s (golden.py list)" % ", ".join(bad), file=sys.stderr)
        return 2
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, min(4, os.cpu_count() or 1))) as ex:
        jobs = {n: ex.submit(update_one, exe, n, *c[n]) for n in todo}
        for n in todo:
            try:
                r = jobs[n].result()
            except RuntimeError as e:
                print("FAIL: %s" % e)
                failed += 1
                continue
            if r:
                print("%-8s tests/golden/%s.txt" % (r, n))
    if not only:
        for path in sorted(glob.glob(os.path.join(GOLDEN, "**", "*.txt"), recursive=True)):
            n = os.path.relpath(path, GOLDEN)[:-4]
            if n not in c:
                os.remove(path)
                print("removed  tests/golden/%s.txt" % n)
    print("golden: %d case(s) rendered%s; review `git diff tests/golden`" % (
        len(todo), ", %d failed" % failed if failed else ""))
    return 1 if failed else 0


def main(argv):
    if argv[:1] == ["list"] and len(argv) == 1:
        for n, (a, l) in sorted(cases().items()):
            print(n, a, l or "")
        return 0
    if argv[:1] == ["show"] and len(argv) == 2:
        with open(argv[1], encoding="utf-8") as f:
            sys.stdout.write(show(json.load(f)))
        return 0
    if argv[:1] == ["compare"] and len(argv) == 3:
        try:
            with open(argv[1], encoding="utf-8") as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            print("golden: %s" % e, file=sys.stderr)
            return 2
        name = os.path.relpath(argv[2], GOLDEN)[:-4] if argv[2].endswith(".txt") else argv[2]
        return 1 if compare(report, argv[2], name) else 0
    if argv[:1] == ["check"] and len(argv) == 3:
        return cmd_check(argv[1], argv[2])
    if argv[:1] == ["update"] and len(argv) >= 2:
        return cmd_update(argv[1], argv[2:])
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
