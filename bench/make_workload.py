#!/usr/bin/env python3
"""make_workload.py - one text, every engine's input.

Reads article YAML (the subset the corpus and examples use: scalars, a body list of
paragraph strings and `subhead:` blocks, pull-quotes) with the standard library only,
and writes the same text as:

  NAME.yaml  newsprint article            NAME.txt   the floor (one paragraph a line)
  NAME.html  WeasyPrint (CSS columns)     NAME.tex   XeLaTeX (multicol + fontspec)
  NAME.typ   Typst 0.14

Geometry everywhere: the tabloid (11 x 17 in, 0.5 in margins, 5 columns, 12 pt gutter),
PT Serif 9.5/11.5 justified and hyphenated, headline across the columns, the pull-quote
after a third of each article (in the peers: one column wide, set in the column; CSS
columns, multicol and Typst columns have no two-column span).

  make_workload.py --article tests/corpus/en_iodine.yaml --name iodine --out DIR
  make_workload.py --corpus 'tests/corpus/*.yaml' --words 34000 --name w48 --out DIR
      long article: the corpus articles one after another, repeated until WORDS words
      (each copy: its headline as a subhead, its body, its pull-quote after a third)
"""
import argparse, glob, json, math, os, re, sys

# ------------------------------------------------------------------ a small YAML subset
def _scalar(s, path, ln):
    s = s.strip()
    if s.startswith('"'):
        if not s.endswith('"') or len(s) < 2:
            raise SystemExit(f"{path}:{ln}: multi-line strings are not supported here")
        body = s[1:-1]
        # YAML double-quoted escapes used by the corpus are JSON's (\" \\ \n \uXXXX)
        return json.loads('"' + body.replace('\t', '\\t') + '"')
    if s.startswith("'"):
        return s[1:-1].replace("''", "'")
    if re.fullmatch(r'-?\d+', s):
        return int(s)
    return s


def load_yaml(path):
    """Indentation-based reader for block mappings/sequences of scalars."""
    lines = []
    for ln, raw in enumerate(open(path, encoding='utf-8'), 1):
        t = raw.rstrip('\n')
        if not t.strip() or t.lstrip().startswith('#'):
            continue
        lines.append((ln, len(t) - len(t.lstrip(' ')), t.strip()))
    pos = 0

    def parse_block(indent):
        nonlocal pos
        if pos >= len(lines):
            return None
        if lines[pos][2].startswith('- ') or lines[pos][2] == '-':
            seq = []
            while pos < len(lines) and lines[pos][1] == indent and lines[pos][2].startswith('-'):
                ln, ind, text = lines[pos]
                rest = text[1:].strip()
                if re.match(r'^[A-Za-z_]+:( |$)', rest):
                    # a mapping starting on the dash line: re-read it at indent+2
                    lines[pos] = (ln, ind + 2, rest)
                    seq.append(parse_block(ind + 2))
                else:
                    seq.append(_scalar(rest, path, ln))
                    pos += 1
            return seq
        m = {}
        while pos < len(lines) and lines[pos][1] == indent and not lines[pos][2].startswith('- '):
            ln, ind, text = lines[pos]
            k, _, v = text.partition(':')
            pos += 1
            if v.strip():
                m[k.strip()] = _scalar(v, path, ln)
            elif pos < len(lines) and lines[pos][1] > ind:
                m[k.strip()] = parse_block(lines[pos][1])
            elif pos < len(lines) and lines[pos][1] == ind and lines[pos][2].startswith('-'):
                m[k.strip()] = parse_block(ind)
            else:
                m[k.strip()] = None
        return m

    return parse_block(0)


# ------------------------------------------------------------------ the model
class Doc:
    def __init__(self):
        self.id = 'bench'
        self.lang = 'en'
        self.headline = ''
        self.deck = None
        self.byline = None
        self.dateline = None
        self.blocks = []      # ('p', text) or ('h', text)
        self.quotes = []      # (after: 1-based block index, text, attribution)

    def words(self):
        return sum(len(t.split()) for _, t in self.blocks)


def read_article(path):
    y = load_yaml(path)
    d = Doc()
    d.id = y.get('id', 'bench')
    d.lang = y.get('language', 'en')
    d.headline = y.get('headline', '')
    d.deck, d.byline, d.dateline = y.get('deck'), y.get('byline'), y.get('dateline')
    for b in y.get('body') or []:
        if isinstance(b, dict):
            d.blocks.append(('h', b['subhead']))
        else:
            d.blocks.append(('p', str(b)))
    for q in y.get('pullquotes') or []:
        d.quotes.append((int(q.get('after', max(1, len(d.blocks) // 3))), q['text'],
                         q.get('attribution')))
    if not d.quotes:
        d.quotes.append((third(d.blocks), first_sentence(d.blocks), None))
    return d


def third(blocks):
    return max(1, math.ceil(len(blocks) / 3))


def first_sentence(blocks):
    paras = [t for k, t in blocks if k == 'p']
    longest = max(paras, key=len) if paras else 'Text'
    m = re.match(r'(.{40,220}?[.!?])(\s|$)', longest)
    return m.group(1) if m else ' '.join(longest.split()[:30])


def long_article(paths, words):
    arts = [read_article(p) for p in paths]
    d = Doc()
    d.id = 'corpus-edition'
    d.headline = 'The corpus edition: every article, again and again'
    d.deck = 'A benchmark workload made of the corpus articles, set one after another'
    d.byline = 'newsprint bench'
    n = 0
    while n < words:
        for a in arts:
            if n >= words:
                break
            base = len(d.blocks)
            d.blocks.append(('h', a.headline))
            for k, t in a.blocks:
                if n >= words:
                    break
                d.blocks.append((k, t))
                n += len(t.split())
            cnt = len(d.blocks) - base
            q = a.quotes[0]
            d.quotes.append((base + min(cnt, max(2, math.ceil(cnt / 3))), q[1], q[2]))
    while d.blocks and d.blocks[-1][0] == 'h':
        d.blocks.pop()
    d.quotes = [q for q in d.quotes if q[0] <= len(d.blocks)]
    return d


# ------------------------------------------------------------------ writers
def y(s):
    return json.dumps(s, ensure_ascii=False)


def nm(s):
    """newsprint inline markup: escape its two special characters."""
    return s.replace('\\', '\\\\').replace('*', '\\*')


def write_yaml(d, f):
    f.write(f'# generated by bench/make_workload.py ({d.words()} words)\n')
    f.write(f'id: {d.id}\nlanguage: {d.lang}\nheadline: {y(d.headline)}\n')
    for k in ('deck', 'byline', 'dateline'):
        if getattr(d, k):
            f.write(f'{k}: {y(getattr(d, k))}\n')
    f.write('body:\n')
    for k, t in d.blocks:
        f.write(f'  - subhead: {y(t)}\n' if k == 'h' else f'  - {y(nm(t))}\n')
    if d.quotes:
        f.write('pullquotes:\n')
        for after, t, attr in d.quotes:
            f.write(f'  - text: {y(nm(t))}\n')
            if attr:
                f.write(f'    attribution: {y(attr)}\n')
            f.write(f'    after: {after}\n    span: 2\n')


def write_txt(d, f):
    for _, t in d.blocks:
        f.write(' '.join(t.split()) + '\n')


def html_esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def write_html(d, f, fonts):
    fu = 'file://' + os.path.abspath(fonts)
    faces = ''.join(
        f"@font-face {{ font-family: '{fam}'; src: url('{fu}/{file}'); font-weight: {w}; font-style: {s}; }}\n"
        for fam, file, w, s in [
            ('PT Serif', 'PTSerif-Regular.ttf', 'normal', 'normal'),
            ('PT Serif', 'PTSerif-Bold.ttf', 'bold', 'normal'),
            ('PT Serif', 'PTSerif-Italic.ttf', 'normal', 'italic'),
            ('PT Serif', 'PTSerif-BoldItalic.ttf', 'bold', 'italic'),
            ('PT Sans', 'PTSans-Regular.ttf', 'normal', 'normal'),
            ('PT Sans Narrow', 'PTSansNarrow-Bold.ttf', 'bold', 'normal')])
    f.write(f'<!DOCTYPE html>\n<html lang="{d.lang}"><head><meta charset="utf-8">\n<style>\n{faces}'
            '@page { size: 11in 17in; margin: 0.5in; }\n'
            "body { margin: 0; font-family: 'PT Serif'; font-size: 9.5pt; line-height: 11.5pt; }\n"
            "h1 { font-family: 'PT Sans Narrow'; font-weight: bold; font-size: 54pt; line-height: 52pt; margin: 0 0 11.5pt; }\n"
            '.deck { font-style: italic; font-size: 16pt; line-height: 19pt; margin: 0 0 11.5pt; width: 60%; }\n'
            ".byline { font-family: 'PT Sans'; font-weight: bold; font-size: 9pt; text-transform: uppercase; margin: 0 0 11.5pt; }\n"
            '.cols { columns: 5; column-gap: 12pt; column-fill: auto; text-align: justify; hyphens: auto; }\n'
            'p { margin: 0; text-indent: 1em; orphans: 2; widows: 2; }\n.deck, .byline { text-indent: 0; }\n'
            "h3 { font-family: 'PT Sans Narrow'; font-weight: bold; font-size: 11pt; line-height: 11.5pt; margin: 11.5pt 0 0; text-align: left; break-after: avoid; }\n"
            'h3 + p { text-indent: 0; }\n'
            'blockquote { margin: 11.5pt 0; padding: 5.75pt 0; border-top: 1.5pt solid black; border-bottom: 1.5pt solid black; '
            'font-weight: bold; font-style: italic; font-size: 17pt; line-height: 23pt; text-align: left; break-inside: avoid; hyphens: manual; }\n'
            "blockquote .attr { display: block; font-family: 'PT Sans'; font-weight: normal; font-style: normal; font-size: 8.5pt; line-height: 11.5pt; text-transform: uppercase; }\n"
            '</style></head><body>\n')
    f.write(f'<h1>{html_esc(d.headline)}</h1>\n')
    if d.deck:
        f.write(f'<p class="deck">{html_esc(d.deck)}</p>\n')
    if d.byline:
        f.write(f'<p class="byline">{html_esc(d.byline)}</p>\n')
    f.write('<div class="cols">\n')
    quotes = quotes_by_block(d)
    for i, (k, t) in enumerate(d.blocks, 1):
        f.write(f'<h3>{html_esc(t)}</h3>\n' if k == 'h' else f'<p>{html_esc(t)}</p>\n')
        for t2, attr in quotes.get(i, []):
            a = f'<span class="attr">{html_esc(attr)}</span>' if attr else ''
            f.write(f'<blockquote>{html_esc(t2)}{a}</blockquote>\n')
    f.write('</div></body></html>\n')


def quotes_by_block(d):
    q = {}
    for after, t, attr in d.quotes:
        q.setdefault(after, []).append((t, attr))
    return q


TEX_LANG = {'en': 'english', 'ru': 'russian', 'de': 'german'}


def tex_esc(s):
    rep = {'\\': r'\textbackslash{}', '{': r'\{', '}': r'\}', '$': r'\$', '&': r'\&',
           '#': r'\#', '^': r'\^{}', '_': r'\_', '%': r'\%', '~': r'\textasciitilde{}'}
    return ''.join(rep.get(c, c) for c in s)


def write_tex(d, f, fonts):
    fd = os.path.abspath(fonts) + '/'
    lang = TEX_LANG.get(d.lang, 'english')
    f.write('% generated by bench/make_workload.py\n'
            '\\documentclass{article}\n'
            '\\usepackage[paperwidth=11in,paperheight=17in,margin=0.5in]{geometry}\n'
            '\\usepackage{fontspec}\n\\usepackage{polyglossia}\n'
            f'\\setmainlanguage{{{lang}}}\n'
            f'\\setmainfont{{PTSerif}}[Path={fd}, Extension=.ttf, UprightFont=*-Regular, '
            'BoldFont=*-Bold, ItalicFont=*-Italic, BoldItalicFont=*-BoldItalic]\n'
            f'\\newfontfamily\\cyrillicfont{{PTSerif}}[Path={fd}, Extension=.ttf, UprightFont=*-Regular, '
            'BoldFont=*-Bold, ItalicFont=*-Italic, BoldItalicFont=*-BoldItalic]\n'
            f'\\setsansfont{{PTSans}}[Path={fd}, Extension=.ttf, UprightFont=*-Regular, BoldFont=*-Bold]\n'
            f'\\newfontfamily\\narrow{{PTSansNarrow}}[Path={fd}, Extension=.ttf, UprightFont=*-Regular, BoldFont=*-Bold]\n'
            '\\usepackage{multicol}\n'
            '\\setlength\\columnsep{12pt}\n\\setlength\\parindent{1em}\n\\setlength\\parskip{0pt}\n'
            '\\pagestyle{empty}\n\\raggedbottom\n'
            '\\newcommand\\subhead[1]{\\par\\vspace{11.5pt}\\noindent{\\narrow\\bfseries\\fontsize{11}{11.5}\\selectfont\\raggedright #1\\par}\\nopagebreak\\noindent\\ignorespaces}\n'
            '\\newcommand\\pullquote[2]{\\par\\vspace{5.75pt}\\noindent\\vbox{\\hrule height 1.5pt\\vspace{5pt}'
            '\\raggedright\\fontsize{17}{23}\\selectfont\\bfseries\\itshape #1\\par'
            '\\vspace{2pt}{\\sffamily\\mdseries\\upshape\\fontsize{8.5}{11.5}\\selectfont #2\\par}\\vspace{5pt}\\hrule height 1.5pt}\\par\\vspace{5.75pt}}\n'
            '\\begin{document}\n'
            '\\fontsize{9.5}{11.5}\\selectfont\n')
    f.write(f'\\noindent{{\\narrow\\bfseries\\fontsize{{54}}{{52}}\\selectfont\\raggedright {tex_esc(d.headline)}\\par}}\\vspace{{11.5pt}}\n')
    if d.deck:
        f.write(f'\\noindent\\parbox{{0.6\\linewidth}}{{\\raggedright\\itshape\\fontsize{{16}}{{19}}\\selectfont {tex_esc(d.deck)}}}\\par\\vspace{{11.5pt}}\n')
    if d.byline:
        f.write(f'\\noindent{{\\sffamily\\bfseries\\fontsize{{9}}{{11.5}}\\selectfont {tex_esc(d.byline.upper())}}}\\par\\vspace{{11.5pt}}\n')
    f.write('\\begin{multicols}{5}\n\\fontsize{9.5}{11.5}\\selectfont\n')
    quotes = quotes_by_block(d)
    first = True
    for i, (k, t) in enumerate(d.blocks, 1):
        if k == 'h':
            f.write(f'\\subhead{{{tex_esc(t)}}}\n')
        else:
            f.write(('\\noindent ' if first else '') + tex_esc(t) + '\n\n')
        first = False
        for t2, attr in quotes.get(i, []):
            f.write(f'\\pullquote{{{tex_esc(t2)}}}{{{tex_esc((attr or "").upper())}}}\n\n')
    f.write('\\end{multicols}\n\\end{document}\n')


def typ_str(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def write_typ(d, f, fonts):
    f.write('// generated by bench/make_workload.py\n'
            '#set page(width: 11in, height: 17in, margin: 0.5in, columns: 5)\n'
            '#set columns(gutter: 12pt)\n'
            f'#set text(font: "PT Serif", size: 9.5pt, lang: "{d.lang}", hyphenate: true, '
            'top-edge: 8.5pt, bottom-edge: -3pt)\n'
            '#set par(justify: true, leading: 0pt, spacing: 0pt, first-line-indent: 1em)\n'
            '#let subhead(t) = block(above: 11.5pt, below: 0pt, sticky: true, '
            'text(font: "PT Sans", stretch: 75%, weight: "bold", size: 11pt, hyphenate: false, par(justify: false, first-line-indent: 0pt, t)))\n'
            '#let pullquote(t, a) = block(breakable: false, above: 11.5pt, below: 11.5pt, inset: (y: 5.75pt), '
            'stroke: (top: 1.5pt, bottom: 1.5pt), width: 100%, '
            '{ set par(justify: false, first-line-indent: 0pt); '
            'text(size: 17pt, weight: "bold", style: "italic", top-edge: 17pt, bottom-edge: -6pt, hyphenate: false, t); '
            'if a != "" { parbreak(); text(font: "PT Sans", size: 8.5pt, upper(a)) } })\n')
    head = [f'text(font: "PT Sans", stretch: 75%, weight: "bold", size: 54pt, top-edge: 44pt, bottom-edge: -8pt, {typ_str(d.headline)})']
    if d.deck:
        head.append(f'box(width: 60%, text(style: "italic", size: 16pt, top-edge: 14pt, bottom-edge: -5pt, {typ_str(d.deck)}))')
    if d.byline:
        head.append(f'text(font: "PT Sans", weight: "bold", size: 9pt, upper({typ_str(d.byline)}))')
    f.write('#place(top, float: true, scope: "parent", clearance: 11.5pt, '
            '{ set par(justify: false, first-line-indent: 0pt, spacing: 11.5pt); '
            + '; parbreak(); '.join(head) + ' })\n\n')
    quotes = quotes_by_block(d)
    for i, (k, t) in enumerate(d.blocks, 1):
        if k == 'h':
            f.write(f'#subhead({typ_str(t)})\n\n')
        else:
            f.write(f'#{typ_str(t)}\n\n')
        for t2, attr in quotes.get(i, []):
            f.write(f'#pullquote({typ_str(t2)}, {typ_str(attr or "")})\n\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument('--article', help='one article YAML')
    src.add_argument('--corpus', help="glob of article YAMLs for the long article")
    ap.add_argument('--words', type=int, default=34000, help='words of the long article')
    ap.add_argument('--name', required=True)
    ap.add_argument('--out', required=True, help='output folder')
    ap.add_argument('--fonts', default=os.path.join(os.path.dirname(__file__), '..', 'fonts'))
    ap.add_argument('--formats', default='yaml,txt,html,tex,typ')
    a = ap.parse_args()
    if a.article:
        d = read_article(a.article)
    else:
        paths = sorted(glob.glob(a.corpus))
        if not paths:
            sys.exit(f'make_workload.py: no files match {a.corpus}')
        d = long_article(paths, a.words)
    os.makedirs(a.out, exist_ok=True)
    writers = {'yaml': write_yaml, 'txt': write_txt,
               'html': lambda d, f: write_html(d, f, a.fonts),
               'tex': lambda d, f: write_tex(d, f, a.fonts),
               'typ': lambda d, f: write_typ(d, f, a.fonts)}
    for fmt in a.formats.split(','):
        with open(os.path.join(a.out, f'{a.name}.{fmt}'), 'w', encoding='utf-8') as f:
            writers[fmt](d, f)
    print(f'{a.name}: {d.words()} words, {len(d.blocks)} blocks, {len(d.quotes)} pull-quotes')


if __name__ == '__main__':
    main()
