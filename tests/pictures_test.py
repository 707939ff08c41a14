#!/usr/bin/env python3
"""pictures_test.py - pictures in every output (issue 12, item 4; issue 15,
item 2), one case a run.

    pictures_test.py NEWSPRINT FIXTURE CASE   run one case
    pictures_test.py --list                   print the case names, one a line

FIXTURE is the built tests/picture_fixture, which writes the JPEGs (CMYK with
and without Adobe's inversion, a header declaring more pixels than its data
holds) into a fresh temporary folder at test time, next to the article that
names them. qpdf, pdfimages and pdftoppm (poppler-utils) check the PDFs.
"""
import json
import os
import re
import resource
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
INVERT = "/Decode [ 1 0 1 0 1 0 1 0 ]"
# the ink of the test pictures: M 200, Y 255 (a warm red); a negative is blue
INK = ("0", "200", "255", "0")
RED = (255, 55, 0)


class Fail(Exception):
    pass


def article(d, name, files, paragraphs=12):
    body = "\n".join('  - "%s"' % (("Paragraph %d of the test article, with words enough to "
                                     "fill a few lines of a column. " % i) * 3)
                     for i in range(paragraphs))
    text = "id: %s\nheadline: Pictures %s\nbody:\n%s\nimages:\n" % (name, name, body)
    for f in files:
        text += "  - file: %s\n    span: 2\n" % f
    path = os.path.join(d, name + ".yaml")
    with open(path, "w") as fh:
        fh.write(text)
    return path


def run(args, want, env=None):
    p = subprocess.run(args, capture_output=True, text=True, env=env)
    if p.returncode != want:
        raise Fail("%s: exit %d, expected %d\n%s" % (" ".join(args), p.returncode, want,
                                                     p.stderr))
    return p.stderr


_PNG = {}


def png_pixel(path, x, y):
    """(r, g, b) at (x, y) of an 8-bit RGB or RGBA PNG, any row filters (the
    file decoded once)."""
    if path not in _PNG:
        _PNG[path] = png_rows(path)
    rows, bpp = _PNG[path]
    return tuple(rows[y][x * bpp:x * bpp + 3])


def png_rows(path):
    data = open(path, "rb").read()
    i, idat = 8, b""
    while i < len(data):
        n, t = struct.unpack(">I", data[i:i + 4])[0], data[i + 4:i + 8]
        c = data[i + 8:i + 8 + n]
        if t == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", c[:10])
        elif t == b"IDAT":
            idat += c
        i += 12 + n
    raw = zlib.decompress(idat)
    bpp = {2: 3, 6: 4}[ctype]
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    for r in range(h):
        f = raw[r * (stride + 1)]
        line = bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        if f:
            for k in range(stride):
                a = line[k - bpp] if k >= bpp else 0
                b = prev[k]
                c = prev[k - bpp] if k >= bpp else 0
                if f == 1:
                    line[k] = (line[k] + a) & 255
                elif f == 2:
                    line[k] = (line[k] + b) & 255
                elif f == 3:
                    line[k] = (line[k] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[k] = (line[k] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return rows, bpp


def near(got, want, tol=40):
    return all(abs(g - w) <= tol for g, w in zip(got, want))


def image_frames(report_path):
    with open(report_path) as f:
        rep = json.load(f)
    return [(p["number"], fr) for p in rep["pages"] for fr in p["frames"]
            if fr["kind"] == "image"]


def pdf_draws(pdf):
    """Object ids of the images drawn, one per drawing, in order (pdfimages
    -list sees into form XObjects too)."""
    out = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    return [int(line.split()[10]) for line in out if line.split()]


def pdf_images(pdf):
    """[(object id, dictionary text, raw stream bytes)] of every image drawn."""
    res = []
    for i in sorted(set(pdf_draws(pdf))):
        d = subprocess.run(["qpdf", "--show-object=%d" % i, pdf], capture_output=True,
                           text=True, check=True).stdout
        raw = subprocess.run(["qpdf", "--show-object=%d" % i, "--raw-stream-data", pdf],
                             capture_output=True, check=True).stdout
        res.append((i, d, raw))
    return res


def qpdf_check(pdf):
    p = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    if p.returncode != 0:
        raise Fail("qpdf --check %s: exit %d\n%s%s" % (pdf, p.returncode, p.stdout, p.stderr))


def cmyk_pictures(np, fx, d):
    run([fx, "cmyk", os.path.join(d, "plain.jpg"), "40", "30"] + list(INK), 0)
    run([fx, "cmyk-adobe", os.path.join(d, "adobe.jpg"), "40", "30"] + list(INK), 0)
    return article(d, "cmyk", ["plain.jpg", "adobe.jpg"])


def pixel_at_frames(png, frames, dpi):
    s = dpi / 72.0
    return [png_pixel(png, int((f["x"] + f["w"] / 2) * s), int((f["y"] + f["h"] / 2) * s))
            for _, f in frames]


# ---------------------------------------------------------------- cases

def case_cmyk_pdf(np, fx, d):
    """Both CMYK JPEGs pass through as DCTDecode /DeviceCMYK images, their
    bytes untouched; only Adobe's inverted one carries /Decode; the PDF draws
    them both red (pdftoppm), not one as a negative."""
    yaml = cmyk_pictures(np, fx, d)
    pdf, rep = os.path.join(d, "o.pdf"), os.path.join(d, "o.json")
    err = run([np, "render", yaml, "-o", pdf, "--report", rep], 0)
    if "picture" in err and "decoded" in err:
        raise Fail("a picture was not drawn:\n" + err)
    qpdf_check(pdf)
    files = {open(os.path.join(d, n), "rb").read(): n for n in ("plain.jpg", "adobe.jpg")}
    seen = set()
    for oid, dct, raw in pdf_images(pdf):
        name = files.get(raw)
        if not name:
            raise Fail("image %d is not one of the JPEG files, byte for byte" % oid)
        seen.add(name)
        if "/DCTDecode" not in dct or "/DeviceCMYK" not in dct:
            raise Fail("image %d (%s) is not a DCTDecode /DeviceCMYK image: %s" % (oid, name, dct))
        if (INVERT in dct) != (name == "adobe.jpg"):
            raise Fail("image %d (%s): /Decode %s: %s" % (oid, name, "missing" if name ==
                                                             "adobe.jpg" else "not wanted", dct))
    if seen != set(files.values()):
        raise Fail("images in the PDF: %s" % sorted(seen))
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-singlefile", pdf, os.path.join(d, "pp")],
                   check=True)
    for px in pixel_at_frames(os.path.join(d, "pp.png"), image_frames(rep), 30):
        if not near(px, RED, 50):
            raise Fail("pdftoppm shows a picture as %s, expected about %s" % (px, RED))


def case_cmyk_pdfx(np, fx, d):
    """Through the PDF/X-1a print pass after the /Decode step, both CMYK
    pictures still print red (pdftoppm), not one as a negative. Skipped
    without Ghostscript's CMYK profile, as tests/press_test.py is."""
    icc = "/usr/share/color/icc/ghostscript/default_cmyk.icc"
    if not os.path.exists(icc):
        print("skip: no %s" % icc)
        return
    yaml = cmyk_pictures(np, fx, d)
    pdf, rep = os.path.join(d, "o.pdf"), os.path.join(d, "o.json")
    run([np, "render", yaml, "-o", pdf, "--report", rep, "--pdfx", "x1a",
         "--output-profile", icc], 0)
    qpdf_check(pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-singlefile", pdf, os.path.join(d, "pp")],
                   check=True)
    for px in pixel_at_frames(os.path.join(d, "pp.png"), image_frames(rep), 30):
        if not near(px, RED, 50):
            raise Fail("pdftoppm shows a picture as %s, expected about %s" % (px, RED))


def case_cmyk_png(np, fx, d):
    """The PNG preview shows both CMYK pictures red: the inverted one is not
    a negative, the plain one not either."""
    yaml = cmyk_pictures(np, fx, d)
    rep = os.path.join(d, "o.json")
    err = run([np, "render", yaml, "-o", os.path.join(d, "o.png"), "--dpi", "30",
               "--report", rep], 0)
    if "decoded" in err:
        raise Fail("a picture was not drawn:\n" + err)
    frames = image_frames(rep)
    if len(frames) != 2:
        raise Fail("%d image frames, expected 2" % len(frames))
    for px in pixel_at_frames(os.path.join(d, "o-1.png"), frames, 30):
        if not near(px, RED):
            raise Fail("the preview shows a picture as %s, expected about %s" % (px, RED))


def case_cmyk_svg(np, fx, d):
    """SVG previews draw CMYK pictures (decoded, as PNG data)."""
    yaml = cmyk_pictures(np, fx, d)
    err = run([np, "render", yaml, "-o", os.path.join(d, "o.svg")], 0)
    if "decoded" in err:
        raise Fail("a picture was not drawn:\n" + err)
    svg = open(os.path.join(d, "o-1.svg")).read()
    if svg.count("data:image/png;base64") < 2:
        raise Fail("the SVG does not hold both pictures")


def rgb_png_bytes(w, h):
    """An opaque blue PNG (RGB)."""
    raw = b"".join(b"\0" + bytes([30, 140, 200]) * w for _ in range(h))

    def chunk(t, data):
        return (struct.pack(">I", len(data)) + t + data +
                struct.pack(">I", zlib.crc32(t + data) & 0xffffffff))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def run_out(args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def case_cmyk_ink_limit(np, fx, d):
    """PDF/X-1a with the ink limit 240: CMYK JPEGs at 400% (plain, and
    Adobe's inverted) stay DCTDecode /DeviceCMYK JPEGs, now within the limit
    and without /Decode; a CMYK JPEG at 200% keeps its bytes; an RGB PNG
    beside them becomes CMYK."""
    icc = "/usr/share/color/icc/ghostscript/default_cmyk.icc"
    if not os.path.exists(icc):
        print("skip: no %s" % icc)
        return
    full = ("255", "255", "255", "255")
    run([fx, "cmyk", os.path.join(d, "full.jpg"), "40", "30"] + list(full), 0)
    run([fx, "cmyk-adobe", os.path.join(d, "fulladobe.jpg"), "40", "30"] + list(full), 0)
    run([fx, "cmyk", os.path.join(d, "red.jpg"), "40", "30"] + list(INK), 0)
    with open(os.path.join(d, "rgb.png"), "wb") as f:
        f.write(rgb_png_bytes(40, 30))
    yaml = article(d, "ink", ["full.jpg", "fulladobe.jpg", "red.jpg", "rgb.png"])
    pdf = os.path.join(d, "o.pdf")
    run([np, "render", yaml, "-o", pdf, "--pdfx", "x1a", "--output-profile", icc,
         "--ink-limit", "240"], 0)
    qpdf_check(pdf)
    red = open(os.path.join(d, "red.jpg"), "rb").read()
    kinds = []
    for oid, dct, raw in pdf_images(pdf):
        if "/DeviceCMYK" not in dct:
            raise Fail("image %d is not CMYK: %s" % (oid, dct))
        if "/DCTDecode" not in dct:
            kinds.append("flate")
            continue
        if raw == red:
            kinds.append("red")
            continue
        if "/Decode" in dct:
            raise Fail("image %d keeps /Decode after re-encoding: %s" % (oid, dct))
        path = os.path.join(d, "i%d.jpg" % oid)
        with open(path, "wb") as f:
            f.write(raw)
        ink = int(run_out([fx, "inkmax", path, "0"]))
        if ink > 240 * 255 // 100 or ink < 220 * 255 // 100:
            raise Fail("image %d: highest total ink %.1f%%, limit 240%%" % (oid, ink / 2.55))
        kinds.append("limited")
    if sorted(kinds) != ["flate", "limited", "limited", "red"]:
        raise Fail("pictures: %s" % sorted(kinds))


def case_rgb_jpeg_ink_limit(np, fx, d):
    """PDF/X-1a of examples/picture.yaml (an RGB JPEG whose shadows convert to
    about 295% ink): the picture stays a CMYK JPEG, and its samples as a
    decoder reads them back stay within the ink limit, at 240 and at 200
    (a JPEG of pixels clamped exactly to the limit rang up to 253%)."""
    icc = "/usr/share/color/icc/ghostscript/default_cmyk.icc"
    if not os.path.exists(icc):
        print("skip: no %s" % icc)
        return
    yaml = os.path.join(ROOT, "examples", "picture.yaml")
    for limit in (240, 200):
        pdf = os.path.join(d, "p%d.pdf" % limit)
        run([np, "render", yaml, "-o", pdf, "--pdfx", "x1a", "--output-profile", icc,
             "--ink-limit", str(limit)], 0)
        images = pdf_images(pdf)
        if len(images) != 1:
            raise Fail("%d pictures" % len(images))
        oid, dct, raw = images[0]
        if "/DeviceCMYK" not in dct:
            raise Fail("the picture is not CMYK: %s" % dct)
        if "/FlateDecode" in dct:
            px = zlib.decompress(raw)
            ink = max(sum(px[i:i + 4]) for i in range(0, len(px), 4))
        else:
            path = os.path.join(d, "i%d.jpg" % limit)
            with open(path, "wb") as f:
                f.write(raw)
            ink = int(run_out([fx, "inkmax", path, "0"]))
        if ink > limit * 255 // 100 or ink < (limit - 10) * 255 // 100:
            raise Fail("ink limit %d: the picture's highest total ink is %.1f%%"
                       % (limit, ink / 2.55))
        if "/DCTDecode" not in dct:
            raise Fail("the picture is not a JPEG any more: %s" % dct)


def case_header_error(np, fx, d):
    """A JPEG whose header libjpeg cannot read is an error at its `file:` key:
    exit 1, nothing written."""
    run([fx, "cmyk", os.path.join(d, "full.jpg"), "40", "30"] + list(INK), 0)
    data = open(os.path.join(d, "full.jpg"), "rb").read()
    sof = data.index(b"\xff\xc0")
    with open(os.path.join(d, "cut.jpg"), "wb") as f:
        f.write(data[:sof + 6])  # the frame header cut short
    yaml = article(d, "cut", ["cut.jpg"])
    for out in ("o.pdf", "o.png"):
        err = run([np, "render", yaml, "-o", os.path.join(d, out)], 1)
        if not re.search(r"cut\.yaml:\d+:5: error: picture 'cut\.jpg' is damaged: ", err):
            raise Fail("no error at the file: key:\n" + err)
    left = [n for n in os.listdir(d) if n.startswith("o")]
    if left:
        raise Fail("written: %s" % left)


def case_damaged_data(np, fx, d):
    """Damaged data after a good header: a warning naming the file in a
    preview (the picture drawn as far as it goes); the PDF passes the bytes
    through without decoding them, so it says nothing."""
    run([fx, "rgb", os.path.join(d, "full.jpg"), "400", "300", "200", "40", "40"], 0)
    data = open(os.path.join(d, "full.jpg"), "rb").read()
    with open(os.path.join(d, "short.jpg"), "wb") as f:
        f.write(data[:data.index(b"\xff\xda") + 40])
    yaml = article(d, "short", ["short.jpg"])
    err = run([np, "render", yaml, "-o", os.path.join(d, "o.png"), "--dpi", "20"], 0)
    if not re.search(r"warning: picture '[^']*short\.jpg' is damaged \(", err):
        raise Fail("no warning naming the file:\n" + err)
    err = run([np, "render", yaml, "-o", os.path.join(d, "o.pdf")], 0)
    if "damaged" in err:
        raise Fail("the PDF decoded the picture:\n" + err)


def bomb(np, fx, d):
    run([fx, "declare", os.path.join(d, "bomb.jpg"), "14000", "14000"], 0)
    if os.path.getsize(os.path.join(d, "bomb.jpg")) > 4096:
        raise Fail("the fixture is not small")
    # six references, one through another spelling of the same file
    return article(d, "bomb", ["bomb.jpg", "./bomb.jpg"] + ["bomb.jpg"] * 4, paragraphs=30)


def case_bomb_pdf(np, fx, d):
    """A few hundred bytes declaring 14000 x 14000 pixels, six times: the PDF
    passes the bytes through without decoding them (no warning about the
    missing data), as one image drawn six times (Cairo's duplicate resource
    key avoided: qpdf --check passes), in little memory."""
    yaml = bomb(np, fx, d)
    pdf = os.path.join(d, "o.pdf")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    err = run([np, "render", yaml, "-o", pdf], 0)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if "damaged" in err or "decoded" in err:
        raise Fail("the picture was decoded:\n" + err)
    qpdf_check(pdf)
    draws, ims = pdf_draws(pdf), pdf_images(pdf)
    if len(draws) != 6 or len(ims) != 1 or "/Width 14000" not in ims[0][1]:
        raise Fail("%d drawings of %d images (expected 6 of one, 14000 wide): %s" %
                   (len(draws), len(ims), [x for _, x, _ in ims]))
    if ims[0][2] != open(os.path.join(d, "bomb.jpg"), "rb").read():
        raise Fail("the image is not the JPEG file, byte for byte")
    if rss > before and rss > 200 * 1024:
        raise Fail("peak RSS %d MB" % (rss // 1024))


def case_bomb_png(np, fx, d):
    """The same six references in a preview: decoded once (one warning about
    its missing data, not six), scaled down while decoding."""
    yaml = bomb(np, fx, d)
    err = run([np, "render", yaml, "-o", os.path.join(d, "o.png"), "--dpi", "30"], 0)
    n = len(re.findall(r"picture '[^']*bomb\.jpg' is damaged", err))
    if n != 1:
        raise Fail("%d warnings about the damaged data, expected 1 (decoded once):\n%s" %
                   (n, err))


def png_header(path, w, h):
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)

    def chunk(t, data):
        return (struct.pack(">I", len(data)) + t + data +
                struct.pack(">I", zlib.crc32(t + data) & 0xffffffff))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))


def case_budget(np, fx, d):
    """A PNG past the decoded-pixel budget (its header read first): a clear
    error, exit 1, nothing written, in a PDF and in a preview."""
    png_header(os.path.join(d, "huge.png"), 12000, 9000)
    yaml = article(d, "huge", ["huge.png"])
    for out in ("o.pdf", "o.png"):
        err = run([np, "render", yaml, "-o", os.path.join(d, out)], 1)
        if "error: picture '%s' (12000 x 9000 pixels decoded) takes the pictures of this " \
           "output past their budget of 100 megapixels" % os.path.join(d, "huge.png") not in err:
            raise Fail("no budget error:\n" + err)
    left = [n for n in os.listdir(d) if n.startswith("o")]
    if left:
        raise Fail("written: %s" % left)


# ---------------------------------------------------------------- PDF pictures

AD_WORDS = "Visit the Zanzibar quokka emporium for the finest xylophones."


def ad_pdf(np, d):
    """A PDF made by newsprint itself (its fonts embedded): the advertisement."""
    src = os.path.join(d, "adsrc.yaml")
    with open(src, "w") as f:
        f.write("id: adsrc\nheadline: Zanzibar Quokka Emporium\nbody:\n  - \"%s\"\n" % AD_WORDS)
    run([np, "render", src, "-o", os.path.join(d, "ad.pdf")], 0)


def edition(np, d, ads):
    ad_pdf(np, d)
    with open(os.path.join(ROOT, "examples", "commonwealth.yaml")) as f:
        story = f.read()
    with open(os.path.join(d, "story.yaml"), "w") as f:
        f.write(story)
    path = os.path.join(d, "issue.yaml")
    with open(path, "w") as f:
        f.write("issue:\n  name: The Test Courier\n  date: 2024-10-15\n  layout: tabloid\n"
                "  pages:\n    - template: front\n      stories:\n"
                "        - {article: story.yaml, columns: [1, 5], depth: 60}\n"
                "      ads:\n" + "".join("        - %s\n" % a for a in ads))
    return path


def words_in(pdf, word):
    """[(x0, y0, x1, y1)] of each occurrence of word (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    return [tuple(float(v) for v in m[:4]) for m in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">%s<' % word, out)]


def inside(b, f, tol=0.5):
    return (b[0] >= f["x"] - tol and b[2] <= f["x"] + f["w"] + tol and
            b[1] >= f["y"] - tol and b[3] <= f["y"] + f["h"] + tol)


def frames_of(report_path, kind):
    with open(report_path) as f:
        rep = json.load(f)
    return [fr for p in rep["pages"] for fr in p["frames"] if fr["kind"] == kind]


def dark_pixels(png, f, dpi):
    """How many pixels of frame f in the preview are dark (decodes the rows)."""
    s = dpi / 72.0
    n = 0
    for y in range(int(f["y"] * s) + 1, int((f["y"] + f["h"]) * s) - 1, 2):
        for x in range(int(f["x"] * s) + 1, int((f["x"] + f["w"]) * s) - 1, 3):
            if sum(png_pixel(png, x, y)) < 300:
                n += 1
        if n:
            return n
    return n


def case_ad_pdf(np, fx, d):
    """Two advertisements naming a PDF (its first page, and `page: 1`): the
    page is placed in each slot, its text there and nowhere else, the fonts
    it brings copied along (qpdf --check passes)."""
    issue = edition(np, d, ["{columns: [1, 3], top: 61, depth: foot, image: ad.pdf}",
                            "{columns: [4, 5], top: 61, depth: foot, image: ad.pdf, page: 1}"])
    pdf, rep = os.path.join(d, "o.pdf"), os.path.join(d, "o.json")
    run([np, "render", issue, "-o", pdf, "--report", rep], 0)
    qpdf_check(pdf)
    ads = frames_of(rep, "ad")
    for word in ("Zanzibar", "xylophones."):
        found = words_in(pdf, word)
        placed = [sum(inside(b, f) for b in found) for f in ads]
        # the headline and the body each name Zanzibar once
        want = 2 if word == "Zanzibar" else 1
        if placed != [want, want] or len(found) != 2 * want:
            raise Fail("'%s' at %s; ad slots %s" % (word, found, [(f["x"], f["y"], f["w"], f["h"])
                                                                  for f in ads]))


def case_ad_pdf_preview(np, fx, d):
    """The PNG preview draws the PDF advertisement with poppler (the slot is
    not blank); SVG too."""
    issue = edition(np, d, ["{columns: [1, 5], top: 61, depth: foot, image: ad.pdf}"])
    rep = os.path.join(d, "o.json")
    err = run([np, "render", issue, "-o", os.path.join(d, "o.png"), "--dpi", "30",
               "--report", rep], 0)
    if "cannot be drawn" in err:
        raise Fail(err)
    if not dark_pixels(os.path.join(d, "o-1.png"), frames_of(rep, "ad")[0], 30):
        raise Fail("the advertisement's slot is blank in the preview")
    run([np, "render", issue, "-o", os.path.join(d, "o.svg")], 0)


def quadrant_pdf(path):
    """A one-page PDF written here: MediaBox [0 0 300 200], CropBox
    [50 50 250 150] (200 x 100, landscape) in four colours, red top left,
    green top right, blue bottom left, black bottom right; black outside the
    crop box, which must not show."""
    content = (b"0 0 0 rg 0 0 300 200 re f "
               b"1 0 0 rg 50 100 100 50 re f 0 1 0 rg 150 100 100 50 re f "
               b"0 0 1 rg 50 50 100 50 re f 0 0 0 rg 150 50 100 50 re f")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /CropBox [50 50 250 150] "
            b"/Resources << >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1,
                                                                                  xref)
    with open(path, "wb") as f:
        f.write(out)


QUADRANTS = {(0, 0): "red", (1, 0): "green", (0, 1): "blue", (1, 1): "black"}
COLOURS = {"red": (255, 0, 0), "green": (0, 255, 0), "blue": (0, 0, 255), "black": (0, 0, 0),
           "white": (255, 255, 255)}


def colour_name(rgb):
    best = min(COLOURS, key=lambda k: sum((a - b) ** 2 for a, b in zip(rgb, COLOURS[k])))
    return best if near(rgb, COLOURS[best], 80) else "%r" % (rgb,)


def case_ad_pdf_rotate(np, fx, d):
    """An advertisement given as a PDF page with /Rotate 90, 180 or 270 (set
    by qpdf) is placed as a viewer shows it: turned clockwise, sized by its
    turned crop box (100 x 200 for 90 and 270), scaled whole into the slot,
    nothing outside the crop box shown; in the PDF (the page placed by qpdf)
    and in the PNG preview (poppler)."""
    src = os.path.join(d, "quad.pdf")
    quadrant_pdf(src)
    dpi = 36
    for rot in (0, 90, 180, 270):
        ad = os.path.join(d, "ad%d.pdf" % rot)
        subprocess.run(["qpdf", "--rotate=+%d:1" % rot, src, ad], check=True)
        issue = edition(np, d, ["{columns: [1, 5], top: 61, depth: foot, image: ad%d.pdf}"
                                % rot])
        rep = os.path.join(d, "o.json")
        run([np, "render", issue, "-o", os.path.join(d, "o.pdf"), "--report", rep], 0)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-png",
                        os.path.join(d, "o.pdf"), os.path.join(d, "pdf%d" % rot)], check=True)
        run([np, "render", issue, "-o", os.path.join(d, "v.png"), "--dpi", str(dpi)], 0)
        pngs = {"pdf": os.path.join(d, "pdf%d-1.png" % rot), "png": os.path.join(d, "v-1.png")}
        f = frames_of(rep, "ad")[0]
        pw, ph = (100.0, 200.0) if rot in (90, 270) else (200.0, 100.0)
        sc = min(f["w"] / pw, f["h"] / ph)
        iw, ih = pw * sc, ph * sc
        ix, iy = f["x"] + (f["w"] - iw) / 2, f["y"] + (f["h"] - ih) / 2
        for kind, png in pngs.items():
            for (c, r), name in QUADRANTS.items():
                # where the quadrant goes, turned clockwise rot/90 times
                for _ in range(rot // 90):
                    c, r = 1 - r, c
                x = int((ix + iw * (0.25 + 0.5 * c)) * dpi / 72)
                y = int((iy + ih * (0.25 + 0.5 * r)) * dpi / 72)
                got = colour_name(png_pixel(png, x, y))
                if got != name:
                    raise Fail("/Rotate %d, %s: %s expected at (%d, %d) px, found %s"
                               % (rot, kind, name, x, y, got))
            # the slot beyond the page's turned box is blank: the box decided
            # the size, and what lies outside the crop box is not drawn
            x = int((ix + iw / 2) * dpi / 72)
            for y in (int((iy - 6) * dpi / 72), int((iy + ih + 6) * dpi / 72)):
                if f["y"] < y * 72 / dpi < f["y"] + f["h"]:
                    got = colour_name(png_pixel(png, x, y))
                    if got != "white":
                        raise Fail("/Rotate %d, %s: the slot at (%d, %d) px is %s, not blank"
                                   % (rot, kind, x, y, got))
        _PNG.clear()


def case_picture_pdf(np, fx, d):
    """An article's picture may be a PDF: its page is in the image frame."""
    ad_pdf(np, d)
    yaml = article(d, "pdfpic", ["ad.pdf"])
    pdf, rep = os.path.join(d, "o.pdf"), os.path.join(d, "o.json")
    err = run([np, "render", yaml, "-o", pdf, "--report", rep], 0)
    if "pixels per inch" in err:
        raise Fail("a PDF has no pixels:\n" + err)
    qpdf_check(pdf)
    found = words_in(pdf, "xylophones.")
    frames = image_frames(rep)
    if len(found) != 1 or not inside(found[0], frames[0][1]):
        raise Fail("the PDF's text at %s, the image frame %s" % (found, frames[0][1]))


def case_pdf_page_errors(np, fx, d):
    """`page:` beyond the PDF's pages, or on a JPEG: errors at the page key."""
    ad_pdf(np, d)
    run([fx, "rgb", os.path.join(d, "p.jpg"), "40", "30", "200", "40", "40"], 0)
    for files, extra, msg in (
            ("ad.pdf", "    page: 3\n", r":\d+:5: error: 'ad\.pdf' has 1 page: there is no page 3"),
            ("p.jpg", "    page: 1\n", r":\d+:5: error: 'page' is for PDF files: 'p\.jpg' is a JPEG")):
        yaml = article(d, "bad", [files])
        with open(yaml, "a") as f:
            f.write(extra)
        err = run([np, "render", yaml, "-o", os.path.join(d, "o.pdf")], 1)
        if not re.search(msg, err):
            raise Fail("expected /%s/:\n%s" % (msg, err))
    issue = edition(np, d, ["{columns: [1, 3], top: 61, depth: foot, image: ad.pdf, page: 2}"])
    err = run([np, "render", issue, "-o", os.path.join(d, "o.pdf")], 1)
    if not re.search(r"issue\.yaml:\d+:\d+: error: 'ad\.pdf' has 1 page: there is no page 2", err):
        raise Fail(err)
    if os.path.exists(os.path.join(d, "o.pdf")):
        raise Fail("o.pdf written")


CASES = {name[5:].replace("_", "-"): fn for name, fn in globals().items()
         if name.startswith("case_")}


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(CASES))
        return 0
    np, fx, case = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as d:
        try:
            CASES[case](np, fx, d)
        except Fail as e:
            print("FAIL %s: %s" % (case, e))
            return 1
    print("ok %s" % case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
