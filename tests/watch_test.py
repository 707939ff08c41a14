#!/usr/bin/env python3
"""watch_test.py - `newsprint watch` (issue 16, item 5), one case a run.

    watch_test.py NEWSPRINT CASE   run one case
    watch_test.py --list           print the case names, one a line

Each case copies its inputs into a temporary folder, starts the watch, waits
for its render lines, changes files the way editors do (a new file renamed
over the old one; touch; a picture, a layout, an edition's story), and checks
that the output was replaced (a new inode: renamed into place whole) or not,
then stops it with a signal: exit status 0, "stopped", no temporary left.
"""
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from edge_test import png  # noqa: E402  (a small RGB PNG)

WAIT = 60  # s for a render line: the machine may be busy


class Fail(Exception):
    pass


class Watch:
    def __init__(self, np, d, args):
        self.d = d
        self.p = subprocess.Popen([np, "watch"] + args, cwd=d, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        self.lines = queue.Queue()
        self.err = []
        threading.Thread(target=self._read, args=(self.p.stdout, self.lines.put),
                         daemon=True).start()
        threading.Thread(target=self._read, args=(self.p.stderr, self.err.append),
                         daemon=True).start()
        self.renders = 0

    @staticmethod
    def _read(f, put):
        for line in f:
            put(line.rstrip("\n"))

    def line(self, timeout=WAIT):
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            raise Fail("no line from watch in %d s (stderr: %s)" % (timeout, self.err))

    def render(self, want="page"):
        """The next render's line; it must say want ("page": written)."""
        while True:
            ln = self.line()
            if ln.startswith("watching"):
                continue
            if want not in ln:
                raise Fail("render line %r, expected %r (stderr: %s)" % (ln, want, self.err))
            self.renders += 1
            return ln

    def quiet(self, seconds=1.5):
        try:
            ln = self.lines.get(timeout=seconds)
        except queue.Empty:
            return
        raise Fail("a render nobody asked for: %r" % ln)

    def stop(self, sig=signal.SIGTERM):
        self.p.send_signal(sig)
        try:
            rc = self.p.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.p.kill()
            raise Fail("watch did not stop on %s" % sig.name)
        time.sleep(0.2)
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        if rc != 0 or not any(r.startswith("stopped") for r in rest):
            raise Fail("stopped by %s: exit %d, said %r" % (sig.name, rc, rest))
        left = [f for f in os.listdir(self.d) if f.startswith(".") or "tmp" in f]
        if left:
            raise Fail("temporary files left: %r" % left)

    def kill(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()


def inode(path):
    return os.stat(path).st_ino


def save(path, text):
    """As an editor saves: a new file, renamed over the old one."""
    tmp = os.path.join(os.path.dirname(path), ".%s.swp" % os.path.basename(path))
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def edit(path, old, new):
    with open(path) as f:
        text = f.read()
    if old not in text:
        raise Fail("%r not in %s" % (old, path))
    save(path, text.replace(old, new, 1))


def article(d):
    shutil.copy(os.path.join(ROOT, "examples", "commonwealth.yaml"), os.path.join(d, "a.yaml"))
    return os.path.join(d, "a.yaml")


def case_article(np, d):
    """Renders at once; a word changed (renamed over) and a touch each replace
    the PNG; a file beside it that the render does not read changes nothing;
    SIGTERM stops it with status 0."""
    a = article(d)
    w = Watch(np, d, ["a.yaml", "-o", "out.png", "--pages", "1", "--dpi", "20"])
    try:
        w.render()
        out = os.path.join(d, "out-1.png")
        first = inode(out)
        edit(a, "cannot be described as routine", "cannot be called routine")
        w.render()
        second = inode(out)
        if second == first:
            raise Fail("the edit did not replace out-1.png")
        os.utime(a)
        w.render()
        if inode(out) == second:
            raise Fail("touch did not replace out-1.png")
        with open(os.path.join(d, "notes.txt"), "w") as f:
            f.write("not an input\n")
        w.quiet()
        w.stop(signal.SIGTERM)
    finally:
        w.kill()
    print("ok: 3 renders, each a new out-1.png; stopped by SIGTERM")


def case_error_keeps_output(np, d):
    """An edit that breaks the article: 'not written', the diagnostic on
    standard error, the old output left whole; the fix renders again;
    SIGINT stops it."""
    a = article(d)
    w = Watch(np, d, ["a.yaml", "-o", "out.pdf"])
    try:
        w.render()
        out = os.path.join(d, "out.pdf")
        before = inode(out)
        edit(a, "id: commonwealth", "id: common wealth")
        w.render("not written")
        time.sleep(0.3)
        if not any("a.yaml:" in e and "invalid id 'common wealth'" in e for e in w.err):
            raise Fail("no diagnostic for the bad id: %s" % w.err)
        if inode(out) != before:
            raise Fail("the failed render replaced out.pdf")
        edit(a, "id: common wealth", "id: commonwealth")
        w.render()
        if inode(out) == before:
            raise Fail("the fixed article did not replace out.pdf")
        w.stop(signal.SIGINT)
    finally:
        w.kill()
    print("ok: a broken save leaves the output; the fix renders; stopped by SIGINT")


def case_picture_and_layout(np, d):
    """The article's picture and its layout (a file) are followed too."""
    a = article(d)
    png(os.path.join(d, "photo.png"), 40, 30)
    with open(a, "a") as f:
        f.write("images:\n  - {file: photo.png, span: 2}\n")
    lay = os.path.join(d, "lay.yaml")
    with open(lay, "w") as f:
        f.write("name: lay\ncolumns: {count: 5, gutter: 12pt}\n")
    w = Watch(np, d, ["a.yaml", "-l", "lay.yaml", "-o", "out.svg", "--pages", "1"])
    try:
        w.render()
        out = os.path.join(d, "out-1.svg")
        n = inode(out)
        png(os.path.join(d, ".photo.new"), 60, 45)
        os.replace(os.path.join(d, ".photo.new"), os.path.join(d, "photo.png"))
        w.render()
        if inode(out) == n:
            raise Fail("a new picture did not replace the page")
        n = inode(out)
        edit(lay, "gutter: 12pt", "gutter: 14pt")
        w.render()
        if inode(out) == n:
            raise Fail("the layout's change did not replace the page")
        w.stop()
    finally:
        w.kill()
    print("ok: the picture and the layout are followed")


def case_edition(np, d):
    """An edition: a story's file changed in its folder renders again."""
    ed = os.path.join(d, "edition")
    shutil.copytree(os.path.join(ROOT, "examples", "edition"), ed)
    w = Watch(np, d, ["edition/edition.yaml", "-o", "ed.pdf"])
    try:
        w.render()
        out = os.path.join(d, "ed.pdf")
        n = inode(out)
        stories = os.path.join(ed, "stories")
        story = sorted(f for f in os.listdir(stories) if f.endswith(".yaml"))[0]
        with open(os.path.join(stories, story)) as f:
            text = f.read()
        save(os.path.join(stories, story), text + "\n# edited\n")
        w.render()
        if inode(out) == n:
            raise Fail("editing %s did not replace ed.pdf" % story)
        w.stop()
    finally:
        w.kill()
    print("ok: an edition's story is followed")


CASES = {"article": case_article, "error-keeps-output": case_error_keeps_output,
         "picture-and-layout": case_picture_and_layout, "edition": case_edition}


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    np, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as d:
        try:
            CASES[case](np, d)
        except Fail as e:
            print("FAIL %s: %s" % (case, e))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
