#!/usr/bin/env python3
"""press_test.py - the print pass (issue 12): PDF/X-1a and X-4 from newsprint.

    press_test.py NEWSPRINT CASE     run one case (exit 0 pass, 1 fail, 77 skip)
    press_test.py --list             the cases

The CMYK profile is Debian ghostscript's default_cmyk.icc (a test dependency,
not the program's). Structure is read from `qpdf --qdf` output (streams
uncompressed), separations from Ghostscript's tiffsep.
"""
import os
import re
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ARTICLE = os.path.join(HERE, 'press', 'article.yaml')
LAYOUT = os.path.join(HERE, 'press', 'layout.yaml')
COMMONWEALTH = os.path.join(ROOT, 'examples', 'commonwealth.yaml')
EDITION = os.path.join(ROOT, 'examples', 'edition', 'edition.yaml')
PROFILE = '/usr/share/color/icc/ghostscript/default_cmyk.icc'
SKIP = 77


class Fail(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


def run(exe, *args, ok=True):
    p = subprocess.run([exe, 'render', *args], capture_output=True, text=True)
    if ok and p.returncode != 0:
        raise Fail('newsprint %s: exit %d: %s' % (' '.join(args), p.returncode, p.stderr))
    return p


def qdf(pdf):
    """The file with every stream uncompressed, as bytes."""
    out = pdf + '.qdf'
    subprocess.run(['qpdf', '--qdf', '--object-streams=disable', pdf, out], check=True)
    with open(out, 'rb') as f:
        return f.read()


def content_streams(text):
    """The page content streams of a qdf file (qpdf marks them)."""
    return re.findall(rb'%% Contents for page \d+\n%% Original object ID: [^\n]*\n\d+ 0 obj\n'
                      rb'<<.*?>>\nstream\n(.*?)endstream', text, re.S)


def structure(pdf, variant):
    with open(pdf, 'rb') as f:
        head = f.read(8)
    check(head == (b'%PDF-1.3' if variant == 'x1a' else b'%PDF-1.6'),
          'version header %r' % head)
    t = qdf(pdf)
    want = b'(PDF/X-1:2001)' if variant == 'x1a' else b'(PDF/X-4)'
    check(b'/GTS_PDFXVersion ' + want in t, 'no GTS_PDFXVersion %s' % want)
    if variant == 'x1a':
        check(b'/GTS_PDFXConformance (PDF/X-1a:2001)' in t, 'no GTS_PDFXConformance')
        check(b'/Group' not in t, 'a transparency group is left in X-1a')
        check(not re.search(rb'/(CA|ca) ', t), 'constant alpha left in X-1a')
    else:
        check(b'<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>' in t,
              'no XMP pdfxid:GTS_PDFXVersion')
    check(re.search(rb'/OutputIntents \[\s*\d+ 0 R', t), 'no OutputIntents')
    check(b'/S /GTS_PDFX' in t and b'/DestOutputProfile' in t, 'output intent incomplete')
    check(b'/Trapped /False' in t, 'no /Trapped /False')
    check(re.search(rb'/CreationDate \(D:\d{14}', t), 'CreationDate not in D: form')
    check(b'/Title' in t, 'no /Title')
    check(re.search(rb'/ID \[', t), 'no /ID')
    npages = len(re.findall(rb'/Type /Page\n', t))
    check(npages > 0, 'no pages')
    check(len(re.findall(rb'/TrimBox', t)) == npages, 'a page without TrimBox')
    check(len(re.findall(rb'/BleedBox', t)) == npages, 'a page without BleedBox')
    check(b'DeviceRGB' not in t, '/DeviceRGB left in the file')
    streams = content_streams(t)
    check(len(streams) == npages, 'found %d content streams for %d pages' % (len(streams), npages))
    for s in streams:
        bad = re.search(rb'(?:^|\s)((?:-?[\d.]+\s+){3}(?:rg|RG|sc|scn|SC|SCN))(?=\s)', s)
        check(not bad, 'RGB colour operator left: %r' % (bad.group(1) if bad else b''))
    return t


def case_x1a(exe, tmp):
    out = os.path.join(tmp, 'x1a.pdf')
    run(exe, COMMONWEALTH, '-o', out, '--pdfx', 'x1a', '--output-profile', PROFILE)
    t = structure(out, 'x1a')
    check(b'/OutputConditionIdentifier (Custom)' in t, 'a profile alone is not Custom')
    check(b'/Info (Artifex CMYK SWOP Profile)' in t, "the profile's description is not /Info")
    # black text on the black plate, overprinting
    streams = b''.join(content_streams(t))
    check(b'0 0 0 1 k' in streams, 'no black text as 0 0 0 1 k')
    check(re.search(rb'/NPo1\d gs 0 0 0 1 k', streams), 'black text does not overprint')
    check(re.search(rb'/op true /OP \w+ /OPM 1', t.replace(b'\n', b' ').replace(b'  ', b' '))
          or b'/OPM 1' in t, 'no overprint graphics state')


def case_x4(exe, tmp):
    out = os.path.join(tmp, 'x4.pdf')
    run(exe, ARTICLE, '-l', LAYOUT, '-o', out, '--pdfx', 'x4', '--output-profile', PROFILE,
        '--output-condition', 'IFRA26')
    t = structure(out, 'x4')
    check(b'/OutputConditionIdentifier (IFRA26)' in t, 'IFRA26 not the condition')
    check(b'/RegistryName (http://www.color.org)' in t, 'no RegistryName')


def case_registered(exe, tmp):
    """X-1a with a registered condition and no profile: no profile embedded."""
    out = os.path.join(tmp, 'reg.pdf')
    run(exe, ARTICLE, '-l', LAYOUT, '-o', out, '--pdfx', 'x1a', '--output-condition', 'IFRA26')
    t = qdf(out)
    check(b'/OutputConditionIdentifier (IFRA26)' in t, 'IFRA26 not the condition')
    check(b'/DestOutputProfile' not in t, 'a profile embedded though none was given')
    check(b'DeviceRGB' not in t, '/DeviceRGB left')


def case_deterministic(exe, tmp):
    outs = [os.path.join(tmp, 'd%d.pdf' % i) for i in range(2)]
    for o in outs:
        run(exe, EDITION, '-o', o, '--pdfx', 'x1a', '--output-profile', PROFILE)
    with open(outs[0], 'rb') as a, open(outs[1], 'rb') as b:
        check(a.read() == b.read(), 'two renders differ')


def case_plain(exe, tmp):
    """--pdfx none is the plain PDF, byte for byte."""
    a, b = os.path.join(tmp, 'a.pdf'), os.path.join(tmp, 'b.pdf')
    run(exe, COMMONWEALTH, '-o', a)
    run(exe, COMMONWEALTH, '-o', b, '--pdfx', 'none', '--bleed', '3mm')
    with open(a, 'rb') as f, open(b, 'rb') as g:
        check(f.read() == g.read(), '--pdfx none changed the PDF')


def case_exact_cmyk(exe, tmp):
    out = os.path.join(tmp, 'exact.pdf')
    run(exe, ARTICLE, '-l', LAYOUT, '-o', out, '--pdfx', 'x1a', '--output-profile', PROFILE)
    streams = b''.join(content_streams(qdf(out)))
    check(re.search(rb'(?:^|\s)1 0 0 0 k\b', streams), 'the headline is not cmyk(100, 0, 0, 0)')
    check(re.search(rb'(?:^|\s)0 0 0 0\.6 k\b', streams), 'the deck is not gray(60%) as K')


def case_words(exe, tmp):
    """Text stays extractable: pdftotext reads the same words."""
    a, b = os.path.join(tmp, 'p.pdf'), os.path.join(tmp, 'x.pdf')
    run(exe, EDITION, '-o', a)
    run(exe, EDITION, '-o', b, '--pdfx', 'x1a', '--output-profile', PROFILE,
        '--bleed', '3mm', '--crop-marks')
    words = [subprocess.run(['pdftotext', f, '-'], capture_output=True, check=True).stdout.split()
             for f in (a, b)]
    check(len(words[0]) > 1000 and words[0] == words[1], 'pdftotext reads other words')
    fonts = subprocess.run(['pdffonts', b], capture_output=True, text=True, check=True).stdout
    rows = fonts.strip().split('\n')[2:]
    check(rows and all(re.search(r'\syes\s+yes\s+yes\s', r) for r in rows),
          'a font not embedded and subset:\n' + fonts)


def boxes(t):
    get = lambda k: [[float(v) for v in m.split()]
                     for m in re.findall(rb'/' + k + rb' \[\s*([-\d.\s]+?)\s*\]', t)]
    return get(b'MediaBox'), get(b'TrimBox'), get(b'BleedBox')


def case_bleed(exe, tmp):
    out = os.path.join(tmp, 'bleed.pdf')
    run(exe, COMMONWEALTH, '-o', out, '--pdfx', 'x1a', '--output-profile', PROFILE,
        '--bleed', '3mm', '--crop-marks')
    t = structure(out, 'x1a')
    media, trim, bleed = boxes(t)
    b = 3 * 72 / 25.4
    check(abs(trim[0][2] - trim[0][0] - 792) < 0.01 and abs(trim[0][3] - trim[0][1] - 1224) < 0.01,
          'TrimBox is not the page: %r' % trim)
    for i in range(4):
        sign = -1 if i < 2 else 1
        check(abs(bleed[0][i] - (trim[0][i] + sign * b)) < 0.01, 'BleedBox %r' % bleed)
    check(media[0][0] == 0 and media[0][2] > bleed[0][2] + 12, 'no room for marks: %r' % media)
    streams = b''.join(content_streams(t))
    check(b'0 0 0 1 K 0.25 w' in streams, 'no crop marks on the black plate')


def read_tiff(path):
    """An 8-bit uncompressed one-channel TIFF: width, height, bytes."""
    with open(path, 'rb') as f:
        d = f.read()
    e = '<' if d[:2] == b'II' else '>'
    off = struct.unpack(e + 'I', d[4:8])[0]
    tags = {}
    for i in range(struct.unpack(e + 'H', d[off:off + 2])[0]):
        t, ty, cnt, val = struct.unpack(e + 'HHI4s', d[off + 2 + 12 * i:off + 14 + 12 * i])
        if t not in (256, 257, 258, 259, 273, 279):
            continue
        size, code = {3: (2, 'H'), 4: (4, 'I')}[ty]
        raw = val if cnt * size <= 4 else d[struct.unpack(e + 'I', val)[0]:][:cnt * size]
        tags[t] = struct.unpack(e + code * cnt, raw[:cnt * size])
    check(tags.get(259, (1,))[0] == 1 and tags.get(258, (8,))[0] == 8, 'unexpected TIFF')
    px = b''.join(d[o:o + c] for o, c in zip(tags[273], tags[279]))
    return tags[256][0], tags[257][0], px


def case_separations(exe, tmp):
    """Ghostscript's plates: the body on black alone, the kicker's red on
    magenta and yellow."""
    if subprocess.run(['which', 'gs'], capture_output=True).returncode != 0:
        print('no Ghostscript')
        return SKIP
    out = os.path.join(tmp, 'sep.pdf')
    run(exe, ARTICLE, '-l', LAYOUT, '-o', out, '--pdfx', 'x1a', '--output-profile', PROFILE)
    dpi = 36
    subprocess.run(['gs', '-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=tiffsep',
                    '-r%d' % dpi, '-sCompression=none',
                    '-sOutputFile=' + os.path.join(tmp, 'sep.tif'), out], check=True)
    plates = {c: read_tiff(os.path.join(tmp, 'sep(%s).tif' % c))
              for c in ('Cyan', 'Magenta', 'Yellow', 'Black')}
    # where the words are, from pdftotext's boxes (points from the top)
    html = subprocess.run(['pdftotext', '-bbox', out, '-'], capture_output=True, text=True,
                          check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                       r'([^<]*)</word>', html)

    def ink(plate, box):
        w, h, px = plates[plate]
        x0, y0, x1, y1 = [int(float(v) * dpi / 72) for v in box]
        return sum(1 for y in range(y0, min(y1 + 1, h)) for x in range(x0, min(x1 + 1, w))
                   if px[y * w + x] < 250)

    body = [wd[:4] for wd in words if wd[4] in ('Every', 'paragraph', 'percent.')]
    check(len(body) == 3, 'body words not found')
    top = min(float(b[1]) for b in body)
    bottom = max(float(b[3]) for b in body)
    region = (0, top, 792, bottom)
    check(ink('Black', region) > 500, 'the body is not on the black plate')
    for c in ('Cyan', 'Magenta', 'Yellow'):
        n = ink(c, region)
        check(n == 0, 'the body has %d pixels of %s' % (n, c))
    kicker = [wd[:4] for wd in words if wd[4] == 'PRINT']
    check(kicker, 'kicker not found')
    for c in ('Magenta', 'Yellow'):
        check(ink(c, kicker[0]) > 5, "the kicker's red has no %s" % c)


def case_per_page(exe, tmp):
    """-o 'DIR/{label}.pdf': one print-ready PDF a page, named by label."""
    pattern = os.path.join(tmp, 'pages', '{label}.pdf')
    os.mkdir(os.path.dirname(pattern))
    run(exe, EDITION, '-o', pattern, '--pdfx', 'x1a', '--output-profile', PROFILE,
        '--bleed', '3mm')
    names = sorted(os.listdir(os.path.dirname(pattern)))
    want = ['A%d.pdf' % i for i in range(1, 7)] + ['B%d.pdf' % i for i in range(1, 7)]
    check(names == want, 'files %r' % names)
    for n in names:
        path = os.path.join(tmp, 'pages', n)
        t = structure(path, 'x1a')
        check(len(re.findall(rb'/Type /Page\n', t)) == 1, '%s is not one page' % n)


def case_per_page_collide(exe, tmp):
    """Two pages whose files would be one are refused before anything is written.
    Labels are unique (the issue's parser sees to it), so names meet only through
    the folders: '{label}/../page.pdf' with a folder a label (and one named
    '{label}', which the command line checks the path's folder against)."""
    labels = ['A%d' % i for i in range(1, 7)] + ['B%d' % i for i in range(1, 7)]
    for label in labels + ['{label}']:
        os.mkdir(os.path.join(tmp, label))
    labels.append('{label}')
    target = os.path.join(tmp, 'page.pdf')
    pattern = os.path.join(tmp, '{label}', '..', 'page.pdf')
    p = run(exe, EDITION, '-o', pattern, ok=False)
    first = os.path.join(tmp, 'A2', '..', 'page.pdf')
    check(p.returncode == 1 and "two pages would both be written to '%s': use {page} in the "
          "output's name" % first in p.stderr, 'exit %d: %s' % (p.returncode, p.stderr))
    left = sorted(os.listdir(tmp))
    check(left == sorted(labels), 'files left: %r' % left)
    check(not os.path.exists(target), 'a page was written')
    p = run(exe, EDITION, '-o', os.path.join(tmp, '{label}', '..', 'p{page}.pdf'))
    check(sorted(os.listdir(tmp)) == sorted(labels + ['p%d.pdf' % i for i in range(1, 13)]),
          'with {page}: %r' % sorted(os.listdir(tmp)))


def case_layout_print(exe, tmp):
    """The layout's print: section, and the command line over it."""
    with open(LAYOUT) as f:
        text = f.read()
    layout = os.path.join(tmp, 'print.yaml')
    with open(layout, 'w') as f:
        f.write(text + '\nprint:\n  pdfx: x1a\n  output_profile: %s\n  bleed: 3mm\n'
                '  ink_limit: 220\n' % PROFILE)
    out = os.path.join(tmp, 'l.pdf')
    run(exe, ARTICLE, '-l', layout, '-o', out)
    media, trim, bleed = boxes(structure(out, 'x1a'))
    check(abs(trim[0][0] - bleed[0][0] - 3 * 72 / 25.4) < 0.01, 'the layout\'s bleed: %r' % bleed)
    streams = b''.join(content_streams(qdf(out)))
    red = [m for m in re.findall(rb'([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) k', streams)
           if float(m[1]) > 0.5 and float(m[0]) < 0.5]
    check(red and all(sum(float(v) for v in m) <= 2.2 for m in red),
          'the kicker over the ink limit of 220: %r' % red)
    plain = os.path.join(tmp, 'plain.pdf')
    run(exe, ARTICLE, '-l', layout, '-o', plain, '--pdfx', 'none')
    with open(plain, 'rb') as f:
        check(f.read(8) == b'%PDF-1.5', '--pdfx none did not override the layout')


def rgba_png(path, w=64, h=48):
    """A half-transparent red picture (PNG, RGBA): Cairo gives it a soft mask."""
    import zlib
    raw = b''.join(b'\0' + b''.join(bytes([200, 30, 30, 100 if x < w // 2 else 255])
                                     for x in range(w)) for _ in range(h))

    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def case_alpha(exe, tmp):
    """A PNG's alpha: flattened onto the paper for X-1a, kept (as a soft mask
    over CMYK) for X-4."""
    rgba_png(os.path.join(tmp, 'a.png'))
    with open(ARTICLE) as f:
        text = f.read()
    article = os.path.join(tmp, 'a.yaml')
    with open(article, 'w') as f:
        f.write(text + 'images:\n  - file: a.png\n')
    plain = os.path.join(tmp, 'plain.pdf')
    run(exe, article, '-l', LAYOUT, '-o', plain)
    check(b'/SMask' in qdf(plain), 'Cairo gave the picture no soft mask')
    x1a = os.path.join(tmp, 'x1a.pdf')
    run(exe, article, '-l', LAYOUT, '-o', x1a, '--pdfx', 'x1a', '--output-profile', PROFILE)
    t = structure(x1a, 'x1a')
    check(b'/SMask' not in t, 'a soft mask left in X-1a')
    check(b'/ColorSpace /DeviceCMYK' in t, 'the picture is not CMYK')
    x4 = os.path.join(tmp, 'x4.pdf')
    run(exe, article, '-l', LAYOUT, '-o', x4, '--pdfx', 'x4', '--output-profile', PROFILE)
    t = structure(x4, 'x4')
    check(b'/SMask' in t and b'/ColorSpace /DeviceCMYK' in t, 'X-4 lost the soft mask')


def case_jpeg(exe, tmp):
    """A JPEG stays JPEG (DCT, CMYK), within the ink limit."""
    out = os.path.join(tmp, 'j.pdf')
    run(exe, os.path.join(ROOT, 'examples', 'picture.yaml'), '-o', out, '--pdfx', 'x1a',
        '--output-profile', PROFILE)
    t = structure(out, 'x1a')
    images = re.findall(rb'<<((?:(?!>>).)*?/Subtype /Image(?:(?!>>).)*?)>>', t, re.S)
    check(len(images) == 1, '%d pictures' % len(images))
    check(b'/Filter /DCTDecode' in images[0] and b'/ColorSpace /DeviceCMYK' in images[0],
          'the picture is not a CMYK JPEG: %r' % images[0])
    if subprocess.run(['which', 'gs'], capture_output=True).returncode == 0:
        p = subprocess.run(['gs', '-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=inkcov',
                            '-sOutputFile=-', out], capture_output=True, text=True, check=True)
        c, m, y, k = [float(v) for v in p.stdout.split()[:4]]
        check(c + m + y + k > 0.05, 'the picture prints no ink: %r' % p.stdout)


def rgb_op(stream):
    """The first RGB colour operator of a content stream (rg, RG, or sc, scn,
    SC, SCN with three numbers), or None."""
    toks = stream.split()
    for i, t in enumerate(toks):
        if t in (b'rg', b'RG', b'sc', b'scn', b'SC', b'SCN'):
            n = 0
            while i - n - 1 >= 0 and re.fullmatch(rb'-?[\d.]+', toks[i - n - 1]):
                n += 1
            if t in (b'rg', b'RG') or n == 3:
                return b' '.join(toks[i - n:i + 1])
    return None


def form_streams(text):
    """The content streams of every form XObject of a qdf file."""
    return re.findall(rb'\d+ 0 obj\n(<<(?:(?!>>\nstream).)*?/Subtype /Form.*?)>>\nstream\n(.*?)'
                      rb'endstream', text, re.S)


def rgb_png(path, w=64, h=48):
    """An opaque blue picture (PNG, RGB)."""
    import zlib
    raw = b''.join(b'\0' + bytes([30, 140, 200]) * w for _ in range(h))

    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def ad_edition(exe, tmp):
    """An edition whose ad is a PDF newsprint made: a red (RGB) kicker, black
    (RGB) text and an RGB picture, all inside the ad's form XObject."""
    rgb_png(os.path.join(tmp, 'blue.png'))
    src = os.path.join(tmp, 'adsrc.yaml')
    with open(src, 'w') as f:
        f.write('id: adsrc\nkicker: Grand sale\nheadline: Zanzibar Quokka Emporium\nbody:\n'
                '  - "Visit the Zanzibar quokka emporium."\nimages:\n  - file: blue.png\n')
    run(exe, src, '-l', os.path.join(ROOT, 'layouts', 'tabloid.yaml'), '-o',
        os.path.join(tmp, 'ad.pdf'))
    with open(os.path.join(tmp, 'story.yaml'), 'w') as f:
        f.write('id: story\nheadline: Council meets\nbody:\n  - "The council met on Tuesday."\n')
    issue = os.path.join(tmp, 'issue.yaml')
    with open(issue, 'w') as f:
        f.write('issue:\n  name: The Test Courier\n  date: 2024-10-15\n  layout: tabloid\n'
                '  pages:\n    - template: front\n      stories:\n'
                '        - {article: story.yaml, columns: [1, 1], depth: 20}\n      ads:\n'
                '        - {columns: [1, 3], top: 61, depth: foot, image: ad.pdf}\n'
                '        - {columns: [4, 5], top: 61, depth: foot, image: ad.pdf}\n')
    return issue


WARN_AD = ("newsprint: warning: '%s' draws in RGB: its colours converted to CMYK through "
           "the output profile for PDF/X\n")


def case_ad_rgb(exe, tmp):
    """A PDF ad in RGB: no RGB operator or picture left anywhere (page and
    every form), one warning naming the ad, and --strict exits 3 (the file
    written)."""
    issue = ad_edition(exe, tmp)
    for variant in ('x1a', 'x4'):
        out = os.path.join(tmp, variant + '.pdf')
        p = run(exe, issue, '-o', out, '--pdfx', variant, '--output-profile', PROFILE)
        t = structure(out, variant)
        forms = form_streams(t)
        check(len(forms) >= 1, 'no form XObject (the ad) in the file')
        for d, s in forms:
            check(not rgb_op(s), 'RGB colour operator left in a form: %r' % rgb_op(s))
        check(b'0 0 0 1 k' in b''.join(s for _, s in forms), "the ad's black text is not K")
        images = re.findall(rb'/Subtype /Image', t)
        check(len(images) >= 1, "the ad's picture is gone")
        check(p.stderr.count("draws in RGB") == 1 and WARN_AD % os.path.join(tmp, 'ad.pdf') in p.stderr,
              'warning: %r' % p.stderr)
    out = os.path.join(tmp, 'strict.pdf')
    p = run(exe, issue, '-o', out, '--pdfx', 'x1a', '--output-profile', PROFILE, '--strict',
            ok=False)
    check(p.returncode == 3 and WARN_AD % os.path.join(tmp, 'ad.pdf') in p.stderr,
          '--strict: exit %d %r' % (p.returncode, p.stderr))
    check(os.path.exists(out), '--strict wrote nothing')
    p = run(exe, issue, '-o', os.path.join(tmp, 'plain.pdf'), '--strict')
    check('draws in RGB' not in p.stderr, 'the plain PDF warns: %r' % p.stderr)


def case_ad_cmyk(exe, tmp):
    """A PDF ad already in CMYK passes through with its exact values, no
    warning."""
    src = os.path.join(tmp, 'adsrc.yaml')
    with open(ARTICLE) as f:
        text = f.read()
    with open(src, 'w') as f:
        f.write(text)
    ad = os.path.join(tmp, 'ad.pdf')
    run(exe, src, '-l', LAYOUT, '-o', ad, '--pdfx', 'x1a', '--output-profile', PROFILE)
    adforms = b''.join(content_streams(qdf(ad)))
    with open(os.path.join(tmp, 'story.yaml'), 'w') as f:
        f.write('id: story\nheadline: Council meets\nbody:\n  - "The council met on Tuesday."\n')
    issue = os.path.join(tmp, 'issue.yaml')
    with open(issue, 'w') as f:
        f.write('issue:\n  name: The Test Courier\n  date: 2024-10-15\n  layout: tabloid\n'
                '  pages:\n    - template: front\n      stories:\n'
                '        - {article: story.yaml, columns: [1, 1], depth: 20}\n      ads:\n'
                '        - {columns: [1, 5], top: 61, depth: foot, image: ad.pdf}\n')
    out = os.path.join(tmp, 'o.pdf')
    p = run(exe, issue, '-o', out, '--pdfx', 'x1a', '--output-profile', PROFILE, '--strict')
    check('draws in RGB' not in p.stderr, 'a CMYK ad warned: %r' % p.stderr)
    t = structure(out, 'x1a')
    forms = b''.join(s for _, s in form_streams(t))
    check(b'1 0 0 0 k' in adforms, 'the CMYK ad has no cyan headline')
    ops = lambda s: re.findall(rb'(?:[\d.]+ ){4}[kK]\b', s)
    check(sorted(set(ops(forms))) == sorted(set(ops(adforms))),
          'CMYK values changed: %r / %r' % (sorted(set(ops(forms))), sorted(set(ops(adforms)))))


def icc_ad(path):
    """A one-page PDF as other programs write ads: ICC-based RGB and CMYK
    spaces named in the resources (/CS0 cs ... sc), an ICC-based RGB
    picture. Written raw; qpdf mends its cross-reference table."""
    icc = '/usr/share/color/icc/ghostscript/'
    rgb = open(icc + 'default_rgb.icc', 'rb').read()
    cmyk = open(icc + 'default_cmyk.icc', 'rb').read()
    content = (b'/CS0 cs 0.8 0.1 0.1 sc 10 10 80 80 re f /CS1 cs 0 1 0 0 sc 100 10 80 80 re f '
               b'/CS0 CS 0.1 0.2 0.9 SC 4 w 10 100 m 190 100 l S q 80 0 0 60 200 10 cm /Im0 Do Q\n')
    pixels = bytes([200, 30, 30, 30, 200, 30, 30, 30, 200, 240, 240, 20])
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] /Contents 4 0 R '
            b'/Resources << /ColorSpace << /CS0 [/ICCBased 5 0 R] /CS1 [/ICCBased 6 0 R] >> '
            b'/XObject << /Im0 7 0 R >> >> >>',
            b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream',
            b'<< /N 3 /Length %d >>\nstream\n' % len(rgb) + rgb + b'\nendstream',
            b'<< /N 4 /Length %d >>\nstream\n' % len(cmyk) + cmyk + b'\nendstream',
            b'<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 '
            b'/ColorSpace [/ICCBased 5 0 R] /Length 12 >>\nstream\n' + pixels + b'\nendstream']
    raw = os.path.join(os.path.dirname(path), 'raw.pdf')
    with open(raw, 'wb') as f:
        f.write(b'%PDF-1.4\n')
        for i, o in enumerate(objs):
            f.write(b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n')
        f.write(b'trailer\n<< /Root 1 0 R /Size %d >>\n%%%%EOF\n' % (len(objs) + 1))
    subprocess.run(['qpdf', raw, path], capture_output=True)  # exit 3: mended, warned


def case_ad_icc(exe, tmp):
    """An ad with ICC-based colour spaces: RGB ones converted (operators and
    picture), the CMYK one made DeviceCMYK with its values, no ICCBased left
    in X-1a, the ad warned about."""
    issue = ad_edition(exe, tmp)
    icc_ad(os.path.join(tmp, 'ad.pdf'))
    out = os.path.join(tmp, 'x1a.pdf')
    p = run(exe, issue, '-o', out, '--pdfx', 'x1a', '--output-profile', PROFILE)
    t = structure(out, 'x1a')
    check(b'ICCBased' not in t.replace(b'/DestOutputProfile', b''),
          'an ICC-based colour space is left in X-1a')
    forms = b''.join(s for _, s in form_streams(t))
    check(b'/DeviceCMYK cs 0 1 0 0 sc' in forms, 'the CMYK space lost its values: %r' % forms)
    check(not rgb_op(forms), 'RGB operator left: %r' % rgb_op(forms))
    check(re.search(rb'/DeviceCMYK CS( [\d.]+){4} SC', forms), 'the stroke is not CMYK')
    check(WARN_AD % os.path.join(tmp, 'ad.pdf') in p.stderr, 'no warning: %r' % p.stderr)


def case_errors(exe, tmp):
    out = os.path.join(tmp, 'e.pdf')
    p = run(exe, COMMONWEALTH, '-o', out, '--pdfx', 'x1a', ok=False)
    check(p.returncode == 1 and 'PDF/X-1a needs an output profile' in p.stderr,
          'no profile: %d %s' % (p.returncode, p.stderr))
    check(not os.path.exists(out), 'a file was left')
    p = run(exe, COMMONWEALTH, '-o', out, '--pdfx', 'x4', '--output-condition', 'IFRA26', ok=False)
    check(p.returncode == 1 and 'PDF/X-4 needs an output profile' in p.stderr,
          'x4 without profile: %d %s' % (p.returncode, p.stderr))
    p = run(exe, COMMONWEALTH, '-o', out, '--pdfx', 'x1a', '--output-condition', 'MYPLANT',
            ok=False)
    check(p.returncode == 1 and "output condition 'MYPLANT' is not a registered" in p.stderr,
          p.stderr)
    p = run(exe, COMMONWEALTH, '-o', out, '--pdfx', 'x2', ok=False)
    check(p.returncode == 2 and '--pdfx is x1a, x4 or none' in p.stderr, p.stderr)
    p = run(exe, COMMONWEALTH, '-o', out, '--bleed', '3furlongs', ok=False)
    check(p.returncode == 2 and '--bleed wants a length' in p.stderr, p.stderr)
    p = run(exe, COMMONWEALTH, '-o', out, '--pdfx', 'x1a', '--output-profile',
            os.path.join(tmp, 'missing.icc'), ok=False)
    check(p.returncode == 1 and 'cannot read the output profile' in p.stderr, p.stderr)
    p = run(exe, COMMONWEALTH, '-o', out, '--pdfx', 'x1a', '--output-profile', LAYOUT, ok=False)
    check(p.returncode == 1 and 'is not a CMYK output profile' in p.stderr, p.stderr)
    check(not os.path.exists(out), 'a file was left')


CASES = {name[5:]: f for name, f in globals().items() if name.startswith('case_')}


def main():
    if sys.argv[1:] == ['--list']:
        print('\n'.join(CASES))
        return 0
    exe, case = sys.argv[1], sys.argv[2]
    if not os.path.exists(PROFILE):
        print('no CMYK profile at %s (apt-get install ghostscript)' % PROFILE)
        return SKIP
    with tempfile.TemporaryDirectory() as tmp:
        try:
            rc = CASES[case](exe, tmp)
        except Fail as e:
            print('FAIL %s: %s' % (case, e))
            return 1
    if rc == SKIP:
        return SKIP
    print('ok %s' % case)
    return 0


if __name__ == '__main__':
    sys.exit(main())
