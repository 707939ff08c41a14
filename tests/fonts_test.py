#!/usr/bin/env python3
"""fonts_test.py - --fonts DIR adds to the bundled fonts (issue 16, item 7).

    fonts_test.py NEWSPRINT

A layout names DejaVu Sans (Debian's fonts-dejavu-core, copied into a
temporary folder) for the headline and keeps PT Serif for the body: with
--fonts FOLDER both are embedded (pdffonts); without it the error names the
font, the style, its place in the layout and the fonts there are; a folder
with no fonts, or none at all, is an error naming it.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def run(args, want):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != want:
        sys.exit("FAIL %s: exit %d, expected %d\n%s" % (" ".join(args), p.returncode, want,
                                                       p.stderr))
    return p.stderr


def main():
    np = sys.argv[1]
    if not os.path.exists(DEJAVU):
        sys.exit("FAIL %s is missing: apt-get install fonts-dejavu-core "
                 "(tools/install-deps.sh)" % DEJAVU)
    with tempfile.TemporaryDirectory() as d:
        fonts = os.path.join(d, "fonts")
        os.mkdir(fonts)
        shutil.copy(DEJAVU, fonts)
        lay = os.path.join(d, "layout.yaml")
        with open(lay, "w") as f:
            f.write("name: dejavu\nstyles:\n  headline: {font: DejaVu Sans, size: 40, "
                    "leading: 42}\n")
        art = os.path.join(ROOT, "examples", "commonwealth.yaml")
        out = os.path.join(d, "out.pdf")
        run([np, "render", art, "-l", lay, "--fonts", fonts, "-o", out], 0)
        listed = subprocess.run(["pdffonts", out], capture_output=True, text=True,
                                check=True).stdout
        for face in ("DejaVuSans", "PTSerif"):
            if face not in listed:
                sys.exit("FAIL %s is not embedded:\n%s" % (face, listed))
        print("ok: DejaVu Sans from --fonts and PT Serif from the bundled fonts")

        err = run([np, "check", art, "-l", lay], 1)
        want = ("%s:3:13: error: unknown font 'DejaVu Sans' in style 'headline' "
                "(the fonts are: Noto Serif, Noto Serif Armenian, Noto Serif Georgian, "
                "PT Sans, PT Sans Narrow, PT Serif)" % lay)
        if want not in err.splitlines():
            sys.exit("FAIL without --fonts, expected\n  %s\ngot\n%s" % (want, err))
        print("ok: without --fonts the error lists the fonts there are")

        empty = os.path.join(d, "empty")
        os.mkdir(empty)
        err = run([np, "check", art, "--fonts", empty], 1)
        if "no fonts found in '%s'" % empty not in err:
            sys.exit("FAIL an empty --fonts folder: %s" % err)
        err = run([np, "check", art, "--fonts", os.path.join(d, "nothing")], 1)
        if "cannot read the fonts folder" not in err:
            sys.exit("FAIL a missing --fonts folder: %s" % err)
        print("ok: an empty or missing folder is an error naming it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
