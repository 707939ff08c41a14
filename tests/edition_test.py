#!/usr/bin/env python3
"""edition_test.py - the example edition (issue 5's tests), one case a run.

    edition_test.py NEWSPRINT CASE [ISSUE.yaml]   run one case (default: examples/edition)
    edition_test.py --list                        print the case names

  render   renders the issue to PDF + report (exit 0, no error diagnostic) and runs
           check_output.py with every story as --article (words once across pages,
           jumps included, or counted as overset);
  jumps    for every story with jumps: the jump line on each module's page carries
           jump_to with the page label of the next module (and ends in it), the one
           opening the next carries jump_from with the previous module's page, and
           the story's body lines are on those pages;
  overlap  no two non-column frames overlap unless nested (parent), and column
           frames of different stories overlap neither each other nor an ad;
  jobs     --jobs 1 and --jobs 2 give byte-identical PDFs;
  check    `newsprint check` exits 0 and prints the copyfit table (a header with
           "story", one line per story id);
  pages    pages 1-6 and 7-12 rendered apart (--pages) and joined with qpdf give the
           same pdftotext, page by page, as the whole render (docs/batch.md).
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
ISSUE = os.path.join(ROOT, "examples", "edition", "edition.yaml")


class Fail(Exception):
    pass


def sh(cmd, **kw):
    print("+ " + " ".join(cmd))
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.stderr:
        sys.stdout.write("".join("  stderr: " + l + "\n" for l in p.stderr.splitlines()[-20:]))
    return p


def render(exe, issue, out, name, *extra):
    pdf = os.path.join(out, name + ".pdf")
    rep = os.path.join(out, name + ".json")
    p = sh([exe, "render", issue, "-o", pdf, "--report", rep] + list(extra))
    if p.returncode != 0:
        raise Fail("newsprint render exited %d" % p.returncode)
    if "error:" in p.stderr:
        raise Fail("an error diagnostic, yet exit status 0")
    with open(rep, encoding="utf-8") as f:
        return pdf, json.load(f)


def load_issue(issue):
    with open(issue, encoding="utf-8") as f:
        doc = yaml.safe_load(f)["issue"]
    return doc


def labels(doc):
    """Page labels as docs/issue.md numbers them: A1.. by section_letter."""
    out, letter, n = [], None, 0
    for i, pg in enumerate(doc["pages"], 1):
        if pg.get("section_letter") and pg["section_letter"] != letter:
            letter, n = pg["section_letter"], 0
        n += 1
        out.append("%s%d" % (letter, n) if letter else str(i))
    return out


def story_ids(issue, doc):
    base = os.path.dirname(issue)
    out = []
    for pi, pg in enumerate(doc["pages"], 1):
        for st in pg.get("stories") or []:
            path = os.path.join(base, st["article"])
            with open(path, encoding="utf-8") as f:
                aid = str(yaml.safe_load(f)["id"])
            out.append((aid, path, [pi] + [j["page"] for j in st.get("jumps") or []]))
    return out


def case_render(exe, issue, out):
    pdf, rep = render(exe, issue, out, "edition")
    doc = load_issue(issue)
    if len(rep["pages"]) != len(doc["pages"]):
        raise Fail("%d pages in the report, the issue has %d" % (len(rep["pages"]), len(doc["pages"])))
    cmd = [sys.executable, os.path.join(HERE, "check_output.py"), "--report", rep_path(out),
           "--pdf", pdf, "--layout", os.path.join(ROOT, "layouts", "tabloid.yaml")]
    for _, path, _ in story_ids(issue, doc):
        cmd += ["--article", path]
    print("+ " + " ".join(cmd))
    if subprocess.run(cmd).returncode != 0:
        raise Fail("check_output.py failed")


def rep_path(out):
    return os.path.join(out, "edition.json")


def page_lines(rep, number, aid, kind):
    page = rep["pages"][number - 1]
    fr = {f["id"]: f for f in page["frames"]}
    return [l for l in page["lines"] if fr.get(l["frame"], {}).get("kind") == kind and
            (l.get("article") or fr[l["frame"]].get("article")) == aid]


def case_jumps(exe, issue, out):
    _, rep = render(exe, issue, out, "edition")
    doc = load_issue(issue)
    lab = labels(doc)
    errs = []
    njumps = 0
    for aid, _, pages in story_ids(issue, doc):
        for k, pn in enumerate(pages):
            body = page_lines(rep, pn, aid, "column")
            if not body:
                errs.append("%s: no body lines on page %d (%s), a module of the story" %
                            (aid, pn, lab[pn - 1]))
            # a jump line says where it points in the report (jump_to, jump_from),
            # worded in the story's language (tests/copydesk_test.py checks the words)
            jumps = page_lines(rep, pn, aid, "jump")
            to = [l["jump_to"] for l in jumps if "jump_to" in l]
            frm = [l["jump_from"] for l in jumps if "jump_from" in l]
            if k + 1 < len(pages) and page_lines(rep, pages[k + 1], aid, "column"):
                njumps += 1
                want = lab[pages[k + 1] - 1]
                if to != [want]:
                    errs.append("%s: page %d (%s): jump_to %r, expected [%r]" %
                                (aid, pn, lab[pn - 1], to, want))
                if not any(l["text"].endswith(want) for l in jumps if "jump_to" in l):
                    errs.append("%s: page %d: no jump line naming %s" % (aid, pn, want))
            if k > 0 and body:
                want = lab[pages[k - 1] - 1]
                if frm != [want]:
                    errs.append("%s: page %d (%s): jump_from %r, expected [%r]" %
                                (aid, pn, lab[pn - 1], frm, want))
    if njumps < 2:
        errs.append("only %d jumps taken in the edition, expected at least 2" % njumps)
    if errs:
        raise Fail("\n  ".join(errs))
    print("%d jumps checked" % njumps)


def box(f):
    return (f["x"], f["y"], f["x"] + f["w"], f["y"] + f["h"])


def overlap(a, b, tol=0.5):
    return min(a[2], b[2]) - max(a[0], b[0]) > tol and min(a[3], b[3]) - max(a[1], b[1]) > tol


def inside(a, b, tol=0.5):
    return a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol and a[3] <= b[3] + tol


def case_overlap(exe, issue, out):
    _, rep = render(exe, issue, out, "edition")
    errs = []
    for page in rep["pages"]:
        fs = page["frames"]
        for i in range(len(fs)):
            for j in range(i + 1, len(fs)):
                a, b = fs[i], fs[j]
                ba, bb = box(a), box(b)
                if not overlap(ba, bb):
                    continue
                ka, kb = a["kind"], b["kind"]
                if ka != "column" and kb != "column":
                    nested = a.get("parent") == b["id"] or b.get("parent") == a["id"] or \
                        inside(ba, bb) or inside(bb, ba)
                    if not nested:
                        errs.append("page %d: %s (%s) and %s (%s) overlap" %
                                    (page["number"], a["id"], ka, b["id"], kb))
                elif ka == "column" and kb == "column":
                    if a.get("article") != b.get("article"):
                        errs.append("page %d: columns %s (%s) and %s (%s) overlap" % (
                            page["number"], a["id"], a.get("article"), b["id"], b.get("article")))
                else:
                    col, other = (a, b) if ka == "column" else (b, a)
                    if other["kind"] == "ad":
                        errs.append("page %d: column %s (%s) overlaps ad %s" % (
                            page["number"], col["id"], col.get("article"), other["id"]))
    ads = sum(1 for p in rep["pages"] for f in p["frames"] if f["kind"] == "ad")
    if ads < 2:
        errs.append("%d ad frames, the edition has at least 2" % ads)
    if errs:
        raise Fail("\n  ".join(errs))


def case_jobs(exe, issue, out):
    a, _ = render(exe, issue, out, "jobs1", "--jobs", "1")
    b, _ = render(exe, issue, out, "jobs2", "--jobs", "2")
    with open(a, "rb") as fa, open(b, "rb") as fb:
        if fa.read() != fb.read():
            raise Fail("--jobs 1 and --jobs 2 give different PDFs")


def case_check(exe, issue, out):
    before = sorted(os.listdir(os.path.dirname(issue)))
    p = sh([exe, "check", issue])
    print(p.stdout)
    if p.returncode != 0:
        raise Fail("newsprint check exited %d" % p.returncode)
    lines = p.stdout.splitlines()
    head = [k for k, l in enumerate(lines) if l.split()[:1] == ["story"]]
    if not head:
        raise Fail("no copyfit table header (a line starting with 'story')")
    rows = {l.split()[0] for l in lines[head[0] + 1:] if l.split()}
    doc = load_issue(issue)
    for aid, _, _ in story_ids(issue, doc):
        if aid not in rows:
            raise Fail("story %r has no line in the copyfit table" % aid)
    if sorted(os.listdir(os.path.dirname(issue))) != before:
        raise Fail("newsprint check wrote a file next to the issue")


def pdftext(pdf, out):
    txt = pdf[:-4] + ".txt"
    p = sh(["pdftotext", "-layout", pdf, txt])
    if p.returncode != 0:
        raise Fail("pdftotext %s exited %d" % (pdf, p.returncode))
    with open(txt, encoding="utf-8") as f:
        return f.read().split("\f")


def case_pages(exe, issue, out):
    n = len(load_issue(issue)["pages"])
    half = n // 2
    whole, _ = render(exe, issue, out, "whole")
    a, _ = render(exe, issue, out, "a", "--pages", "1-%d" % half)
    b, _ = render(exe, issue, out, "b", "--pages", "%d-%d" % (half + 1, n))
    joined = os.path.join(out, "joined.pdf")
    p = sh(["qpdf", "--empty", "--pages", a, b, "--", joined])
    if p.returncode != 0:
        raise Fail("qpdf join exited %d" % p.returncode)
    tw, tj = pdftext(whole, out), pdftext(joined, out)
    if len(tw) != len(tj):
        raise Fail("%d pages of text in the whole render, %d in the joined one" % (len(tw), len(tj)))
    for k, (x, y) in enumerate(zip(tw, tj), 1):
        if x != y:
            raise Fail("page %d: the joined PDF's text differs from the whole render's" % k)
    if len(tw) < n:
        raise Fail("pdftotext found %d pages, the issue has %d" % (len(tw), n))


CASES = {"render": case_render, "jumps": case_jumps, "overlap": case_overlap, "jobs": case_jobs,
         "check": case_check, "pages": case_pages}


def main(argv):
    if argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    if len(argv) not in (3, 4) or argv[2] not in CASES:
        print("usage: edition_test.py NEWSPRINT CASE [ISSUE] | --list", file=sys.stderr)
        return 2
    issue = os.path.abspath(argv[3]) if len(argv) == 4 else ISSUE
    out = tempfile.mkdtemp(prefix="edition.")
    try:
        CASES[argv[2]](argv[1], issue, out)
    except Fail as e:
        print("FAIL: %s: %s" % (argv[2], e))
        return 1
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print("ok: %s" % argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
