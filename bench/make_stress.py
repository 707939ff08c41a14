#!/usr/bin/env python3
"""make_stress.py - the inputs of bench/run --stress (issue 15), made at bench time.

  make_stress.py --out DIR [--stories N]

Writes into DIR:
  prose-1mib.yaml    one article of one paragraph: the English corpus paragraphs joined
                     with spaces until just under 1 MiB (the limit of one text)
  digits-100k.yaml   one paragraph of 100 KB of single digits ("4 7 1 ...")
  letters-100k.yaml  one paragraph of 100 KB of one-letter words ("a q z ...")
  edition-5000/      an edition of N (default 5,000) one-paragraph stories, ten to an
                     inside page: edition.yaml and stories/sNNNN.yaml
Only the standard library; the text is the same on every run (a fixed seed).
"""
import argparse, glob, json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LIMIT = 1 << 20


def corpus_paragraphs(lang='en'):
    paras = []
    for path in sorted(glob.glob(os.path.join(ROOT, 'tests', 'corpus', lang + '_*.yaml'))):
        for line in open(path, encoding='utf-8'):
            m = re.match(r'\s*- "(.*)"\s*$', line)
            if m:
                paras.append(json.loads('"' + m.group(1) + '"'))
    return paras


def article(path, ident, headline, text, lang='en'):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(f'id: {ident}\nlanguage: {lang}\nheadline: "{headline}"\nbody:\n')
        f.write('  - ' + json.dumps(text, ensure_ascii=False) + '\n')


def joined(words, limit):
    out, size = [], 0
    for w in words:
        add = len(w.encode('utf-8')) + (1 if out else 0)
        if size + add > limit:
            break
        out.append(w)
        size += add
    return ' '.join(out)


def cycle(seq):
    while True:
        yield from seq


def edition(folder, n):
    """n one-paragraph stories, ten to an inside page (two rows of five columns);
    page 1 is an inside page too: a front page's index strip of n headlines would
    outgrow it."""
    os.makedirs(os.path.join(folder, 'stories'), exist_ok=True)
    paras = corpus_paragraphs()
    rnd = random.Random(15)
    for i in range(n):
        article(os.path.join(folder, 'stories', f's{i:04d}.yaml'), f's{i:04d}',
                f'Story {i + 1}', paras[rnd.randrange(len(paras))])
    with open(os.path.join(folder, 'edition.yaml'), 'w', encoding='utf-8') as f:
        f.write('issue:\n  name: The Stress Courier\n  date: 2026-12-06\n  layout: tabloid\n  pages:\n')
        for i in range(n):
            if i % 10 == 0:
                f.write('    - template: inside\n      stories:\n')
            col, row = i % 5 + 1, (i % 10) // 5
            where = 'depth: 50' if row == 0 else 'top: 51'
            f.write(f'        - {{article: stories/s{i:04d}.yaml, columns: {col}, {where}}}\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True)
    ap.add_argument('--stories', type=int, default=5000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rnd = random.Random(15)
    prose = joined((w for p in cycle(corpus_paragraphs()) for w in p.split()), LIMIT - 1)
    article(os.path.join(a.out, 'prose-1mib.yaml'), 'prose', 'One paragraph of 1 MiB', prose)
    digits = joined((str(rnd.randrange(10)) for _ in iter(int, 1)), 100_000)
    article(os.path.join(a.out, 'digits-100k.yaml'), 'digits', '100 KB of digits', digits)
    letters = joined((chr(97 + rnd.randrange(26)) for _ in iter(int, 1)), 100_000)
    article(os.path.join(a.out, 'letters-100k.yaml'), 'letters', '100 KB of letters', letters)
    if a.stories:
        edition(os.path.join(a.out, 'edition-5000'), a.stories)
    print(f"stress inputs in {a.out}: prose {len(prose.encode())} bytes, digits {len(digits)}, "
          f"letters {len(letters)}, edition of {a.stories} stories")


if __name__ == '__main__':
    main()
