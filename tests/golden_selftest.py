#!/usr/bin/env python3
"""golden_selftest.py - pdf_report_check.py and golden.py compare pass and fail as they should.

    golden_selftest.py NEWSPRINT

Renders examples/commonwealth.yaml on the tabloid once, then checks that
pdf_report_check.py accepts the report as made and refuses it with one line moved
6 pt right, 1.5 pt down, one word changed, or one line left out; and that golden.py
compare accepts the report's own golden, a baseline moved by 0.04 pt, and refuses
one moved by 0.06 pt, a changed text, a missing line and a changed count.
Exit 0 when every case behaves, 1 otherwise.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import golden  # noqa: E402


def body_line(report):
    """Index of a body line in the middle of page 1."""
    lines = report["pages"][0]["lines"]
    body = [i for i, ln in enumerate(lines) if ln["style"] == "body" and len(ln["text"].split()) > 2]
    return body[len(body) // 2]


def main():
    exe = sys.argv[1]
    bad = 0
    with tempfile.TemporaryDirectory(prefix="golden_selftest.") as d:
        pdf = os.path.join(d, "c.pdf")
        rep = os.path.join(d, "c.json")
        subprocess.run([exe, "render", os.path.join(ROOT, "examples/commonwealth.yaml"), "-l",
                        "tabloid", "-o", pdf, "--report", rep], check=True)
        with open(rep, encoding="utf-8") as f:
            report = json.load(f)
        k = body_line(report)

        def changed(fn):
            r = copy.deepcopy(report)
            fn(r["pages"][0]["lines"], r)
            return r

        def pdf_case(what, r, want, needle):
            nonlocal bad
            path = os.path.join(d, "case.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(r, f)
            p = subprocess.run([sys.executable, os.path.join(HERE, "pdf_report_check.py"),
                                "--report", path, "--pdf", pdf], capture_output=True, text=True)
            ok = p.returncode == want and needle in p.stdout
            print("%s pdf_report_check, %s: exit %d" % ("ok  " if ok else "FAIL", what, p.returncode))
            if not ok:
                print(p.stdout[-2000:] + p.stderr[-2000:])
                bad += 1

        def shift(lines, key, by):
            lines[k][key] += by

        def word(lines, r):
            lines[k]["text"] = lines[k]["text"].replace(lines[k]["text"].split()[1], "XYZZY", 1)

        pdf_case("as made", report, 0, "ok")
        pdf_case("a line 6 pt right", changed(lambda l, r: shift(l, "x", -6)), 1, "draws it from x")
        pdf_case("a line 1.5 pt down", changed(lambda l, r: shift(l, "baseline", 1.5)), 1,
                 "the PDF has")
        pdf_case("a word changed", changed(word), 1, "the PDF has")
        pdf_case("a line left out", changed(lambda l, r: l.pop(k)), 1, "which no line of the report")

        gold = os.path.join(d, "c.txt")
        with open(gold, "w", encoding="utf-8") as f:
            f.write(golden.show(report))

        def golden_case(what, r, want):
            nonlocal bad
            with open(os.devnull, "w") as null:
                out, sys.stdout = sys.stdout, null
                try:
                    rc = golden.compare(r, gold, "selftest")
                finally:
                    sys.stdout = out
            ok = (rc == 0) == (want == 0)
            print("%s golden compare, %s: %s" % ("ok  " if ok else "FAIL", what,
                                                "same" if rc == 0 else "differs"))
            bad += not ok

        def count(lines, r):
            r["articles"][0]["hyphenated_lines"] += 1

        golden_case("as made", report, 0)
        golden_case("a baseline 0.04 pt lower", changed(lambda l, r: shift(l, "baseline", 0.04)), 0)
        golden_case("a baseline 0.06 pt lower", changed(lambda l, r: shift(l, "baseline", 0.06)), 1)
        golden_case("a frame 0.06 pt wider",
                    changed(lambda l, r: r["pages"][0]["frames"][1].__setitem__(
                        "w", r["pages"][0]["frames"][1]["w"] + 0.06)), 1)
        golden_case("a word changed", changed(word), 1)
        golden_case("a line left out", changed(lambda l, r: l.pop(k)), 1)
        golden_case("a count changed", changed(count), 1)
    print("golden_selftest: %s" % ("ok" if not bad else "%d case(s) wrong" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
