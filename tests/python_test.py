#!/usr/bin/env python3
"""python_test.py - the Python package python/newsprint (issue 16, item 1),
one case a run, under the system's Python (/usr/bin/python3).

    python_test.py NEWSPRINT CASE   run one case
    python_test.py --list           print the case names, one a line

NEWSPRINT_LIBRARY names the built libnewsprint.so (the suite sets it); the
package is imported from python/ in the source tree, except in the case
pip_install, which installs a copy into a virtual environment. NEWSPRINT, the
built program, gives the bytes and reports the package must match.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "python"))
import newsprint  # noqa: E402

EXAMPLE = os.path.join(ROOT, "examples", "commonwealth.yaml")
EDITION = os.path.join(ROOT, "examples", "edition", "edition.yaml")


class Fail(Exception):
    pass


def expect(cond, what):
    if not cond:
        raise Fail(what)


def png_size(data):
    expect(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG: %r" % data[:8])
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def case_render_pdf(np, d):
    """render() gives the PDF the program writes, byte for byte."""
    pdf = newsprint.render(EXAMPLE)
    out = os.path.join(d, "cli.pdf")
    subprocess.run([np, "render", EXAMPLE, "-o", out], check=True, capture_output=True)
    with open(out, "rb") as f:
        expect(pdf == f.read(), "render() and `newsprint render` differ (%d bytes, %d)"
               % (len(pdf), os.path.getsize(out)))
    pdf = newsprint.render(EXAMPLE, layout="broadsheet")
    subprocess.run([np, "render", EXAMPLE, "-l", "broadsheet", "-o", out], check=True,
                   capture_output=True)
    with open(out, "rb") as f:
        expect(pdf == f.read(), "with layout='broadsheet' the bytes differ")


def case_render_pages(np, d):
    """PNG and SVG: a list of bytes, a page each; pages= picks them."""
    pngs = newsprint.render(EDITION, output="png", pages="2-3", dpi=30)
    expect(len(pngs) == 2, "pages='2-3' gave %d pages" % len(pngs))
    for p in pngs:
        expect(png_size(p) == (330, 510), "a 30 dpi tabloid page is %s" % (png_size(p),))
    svgs = newsprint.render(EXAMPLE, output="svg", layout="magazine-a4")
    expect(len(svgs) >= 2 and all(s.lstrip().startswith(b"<?xml") for s in svgs),
           "SVG pages: %d, %r" % (len(svgs), svgs[0][:20]))
    one = newsprint.render(EDITION, output="png", pages=[12], dpi=30)
    expect(len(one) == 1, "pages=[12] gave %d pages" % len(one))


def case_text_source(np, d):
    """YAML text renders like its file; a missing key is an error at its place."""
    with open(EXAMPLE, encoding="utf-8") as f:
        text = f.read()
    expect(newsprint.render(text, output="png", dpi=20)[0] ==
           newsprint.render(EXAMPLE, output="png", dpi=20)[0], "text and file differ")
    try:
        newsprint.render("id: x\nheadline: H\n", name="story.yaml")
    except newsprint.Error as e:
        got = [(x.file, x.line, x.column, x.severity, x.message) for x in e.diagnostics]
        expect(got == [("story.yaml", 1, 1, "error", "missing required key 'body' in article")],
               "diagnostics: %r" % got)
        return
    raise Fail("no Error for an article without a body")


def case_errors(np, d):
    """newsprint.Error carries the diagnostics as the program prints them."""
    bad = os.path.join(ROOT, "tests", "malformed", "bad-id.yaml")
    p = subprocess.run([np, "check", bad], capture_output=True, text=True)
    try:
        newsprint.render(bad)
    except newsprint.Error as e:
        expect(e.exit_status == 1, "exit status %d" % e.exit_status)
        x = e.diagnostics[0]
        expect((x.file, x.line, x.column, x.severity) == (bad, 1, 5, "error"),
               "where: %r" % ((x.file, x.line, x.column, x.severity),))
        expect(x.message.startswith("invalid id 'front page'"), "message %r" % x.message)
        expect(str(x) in p.stderr.splitlines(), "%r is not what the program prints:\n%s"
               % (str(x), p.stderr))
    else:
        raise Fail("no Error for tests/malformed/bad-id.yaml")
    try:
        newsprint.render(EXAMPLE, dpi=0)
    except newsprint.Error as e:
        expect(e.exit_status == 2 and "--dpi" in str(e), "dpi=0: %s (%d)" % (e, e.exit_status))
    else:
        raise Fail("no Error for dpi=0")
    try:
        newsprint.render(EXAMPLE, output="tiff")
    except ValueError:
        pass
    else:
        raise Fail("no ValueError for output='tiff'")


def case_report(np, d):
    """report() is the program's --report, as a dict."""
    rep = newsprint.report(EXAMPLE, layout="berliner")
    out, js = os.path.join(d, "o.pdf"), os.path.join(d, "o.json")
    subprocess.run([np, "render", EXAMPLE, "-l", "berliner", "-o", out, "--report", js],
                   check=True, capture_output=True)
    with open(js) as f:
        want = json.load(f)
    expect(rep == want, "report() differs from --report")
    expect(rep["articles"][0]["id"] == "commonwealth", "articles: %r" % rep["articles"])


def overset_edition(d):
    os.mkdir(os.path.join(d, "stories"))
    shutil.copy(EXAMPLE, os.path.join(d, "stories", "commonwealth.yaml"))
    path = os.path.join(d, "edition.yaml")
    with open(path, "w") as f:
        f.write("issue:\n  name: Short\n  date: 2024-10-15\n  pages:\n    - stories:\n"
                "        - {article: stories/commonwealth.yaml, columns: [1, 3], depth: 50}\n")
    return path


def case_check(np, d):
    """check(): the copyfit table (the program's, row by row) and warnings
    with story and overset figures."""
    c = newsprint.check(EDITION)
    p = subprocess.run([np, "check", EDITION], capture_output=True, text=True, check=True)
    table = [ln.split() for ln in p.stdout.splitlines()[1:] if ln.strip()]
    got = [[r.story, str(r.pages), str(r.lines), str(r.overset_lines), str(r.empty_lines),
            r.ends_on] for r in c.copyfit]
    expect(got == [row[:6] for row in table], "copyfit %r\nprogram %r" % (got, table))
    expect(all(r.fits for r in c.copyfit) and not c.warnings, "the edition does not fit")
    c = newsprint.check(overset_edition(d))
    row = c.copyfit[0]
    expect(not row.fits and row.overset_lines > 0 and row.overset_words > 0, "row %r" % row)
    over = [x for x in c.warnings if x.overset_lines]
    expect(over and over[0].story == "commonwealth" and over[0].page == 1 and
           over[0].overset_lines == row.overset_lines, "overset warning: %r" %
           [x.as_dict() for x in c.warnings])


def case_library_env(np, d):
    """NEWSPRINT_LIBRARY picks the library; a wrong one is an OSError that
    names the variable (the import itself never fails)."""
    code = ("import newsprint\ntry:\n    newsprint.version()\nexcept OSError as e:\n"
            "    print(e)\n")
    env = dict(os.environ, NEWSPRINT_LIBRARY=os.path.join(d, "nothing.so"),
               PYTHONPATH=os.path.join(ROOT, "python"))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    expect(p.returncode == 0 and "NEWSPRINT_LIBRARY" in p.stdout, "%r %r" % (p.stdout, p.stderr))
    expect(newsprint.version() == subprocess.run([np, "--version"], capture_output=True,
                                                 text=True).stdout.split()[-1],
           "version %r" % newsprint.version())


def case_pip_install(np, d):
    """pip install of a copy of python/ into a virtual environment (offline:
    Debian's setuptools, no build isolation) imports from there."""
    src = os.path.join(d, "src")
    shutil.copytree(os.path.join(ROOT, "python"), src)
    venv = os.path.join(d, "venv")
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", venv], check=True)
    py = os.path.join(venv, "bin", "python")
    p = subprocess.run([py, "-m", "pip", "install", "--no-build-isolation", "--no-index",
                        "--no-deps", src], capture_output=True, text=True)
    expect(p.returncode == 0, "pip install: %s%s" % (p.stdout, p.stderr))
    code = ("import newsprint, sys\nprint(newsprint.__file__)\n"
            "sys.stdout.write(str(len(newsprint.render(sys.argv[1], output='png', dpi=10))))\n")
    p = subprocess.run([py, "-c", code, EXAMPLE], capture_output=True, text=True, cwd=d)
    expect(p.returncode == 0 and p.stdout.startswith(venv), "installed: %r %r"
           % (p.stdout, p.stderr))


def case_example_script(np, d):
    """examples/render_edition.py writes the edition's twelve pages, one file a page."""
    out = os.path.join(d, "out")
    p = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "render_edition.py"),
                        EDITION, out, "--dpi", "20"], capture_output=True, text=True)
    expect(p.returncode == 0, "exit %d: %s" % (p.returncode, p.stderr))
    files = sorted(os.listdir(out))
    want = ["A%d.png" % i for i in range(1, 7)] + ["B%d.png" % i for i in range(1, 7)]
    expect(files == want, "files: %r" % files)
    expect("12 pages" in p.stdout, p.stdout)


CASES = {f[5:].replace("_", "-"): g for f, g in sorted(globals().items())
         if f.startswith("case_")}


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    np, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    if not os.environ.get("NEWSPRINT_LIBRARY"):
        print("FAIL NEWSPRINT_LIBRARY is not set")
        return 1
    with tempfile.TemporaryDirectory() as d:
        try:
            CASES[case](np, d)
        except (Fail, newsprint.Error) as e:
            print("FAIL %s: %s" % (case, e))
            return 1
    print("ok %s" % case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
