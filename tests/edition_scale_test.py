#!/usr/bin/env python3
"""edition_scale_test.py NEWSPRINT - editions of a few hundred stories (issue 15).

Made at test time in a temporary folder (300 one-paragraph stories, ten to an
inside page), checked with `newsprint check` (copyfit included):
  - the edition passes and its copyfit table lists every story;
  - the last story placed again under another spelling of an earlier file is
    refused with the placed-twice message naming the earlier story;
  - a story with an earlier story's id is refused with the id message;
  - a front page whose index strip (every story that starts on another page)
    outgrows the page is refused with the index-strip message, not with a
    negative count of grid lines;
  - the copyfit table (check sets lines without glyphs) says what the report
    of a render says, story by story: this edition and the example one.
Not timed (bench/run --stress times 5,000 stories).
"""
import os, subprocess, sys, tempfile

N = 300


def write_edition(d, front=False, extra=None):
    os.makedirs(os.path.join(d, 'stories'), exist_ok=True)
    for i in range(N):
        with open(os.path.join(d, 'stories', f's{i:03d}.yaml'), 'w') as f:
            f.write(f'id: s{i:03d}\nlanguage: en\n'
                    f'headline: "A rather long headline for story number {i} of the edition"\n'
                    'body:\n  - "The council met on Tuesday and agreed the budget for next year."\n')
    lines = ['issue:', '  name: The Test Courier', '  date: 2024-10-15', '  pages:']
    marks = {}
    for i in range(N):
        if front and i == 0:
            lines += ['    - template: front', '      stories:']
            lines.append('        - {article: stories/s000.yaml, columns: [1, 5]}')
            marks[i] = (len(lines), 11)
            continue
        k = i - 1 if front else i
        if k % 10 == 0:
            lines += ['    - template: inside', '      stories:']
        where = 'depth: 50' if (k % 10) < 5 else 'top: 51'
        lines.append(f'        - {{article: stories/s{i:03d}.yaml, columns: {k % 5 + 1}, {where}}}')
        marks[i] = (len(lines), 11)
    if extra:
        lines += ['    - template: inside', '      stories:',
                  f'        - {{article: {extra}, columns: 1}}']
    with open(os.path.join(d, 'edition.yaml'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    return os.path.join(d, 'edition.yaml'), marks, len(lines)


def check(exe, path):
    return subprocess.run([exe, 'check', path], capture_output=True, text=True, timeout=300)


def table_vs_report(exe, path, d):
    """The copyfit table of `check` (lines set without glyphs) against the figures
    of `render --report` (lines cut from their glyphs): the same for every story."""
    import json
    c = check(exe, path)
    rep = os.path.join(d, 'report.json')
    r = subprocess.run([exe, 'render', path, '-o', os.path.join(d, 'out.pdf'), '--report', rep],
                       capture_output=True, text=True, timeout=300)
    if c.returncode != 0 or r.returncode != 0:
        return None, c if c.returncode else r
    got = {}
    for ln in c.stdout.splitlines()[1:]:
        f = ln.split()
        got[f[0]] = [int(f[1]), int(f[2]), int(f[3]), int(f[4])]
    want = {a['id']: [len(a['pages']), a['lines'], a['overset_lines'], a['empty_lines']]
            for a in json.load(open(rep))['articles']}
    return got == want and len(got) > 0, c


def main():
    exe = sys.argv[1]
    failures = 0

    def expect(cond, what, r):
        nonlocal failures
        print(('ok: ' if cond else 'FAIL: ') + what)
        if not cond:
            failures += 1
            print(f'  exit {r.returncode}\n  stderr: {r.stderr[-600:]}')

    with tempfile.TemporaryDirectory() as d:
        path, marks, _ = write_edition(d)
        r = check(exe, path)
        listed = sum(1 for ln in r.stdout.splitlines() if ln.startswith('s') and ln.split()[0][1:].isdigit())
        expect(r.returncode == 0 and listed == N, f'{N} stories pass, all in the copyfit table ({listed})', r)
    with tempfile.TemporaryDirectory() as d:
        path, marks, last = write_edition(d, extra='./stories/../stories/s007.yaml')
        r = check(exe, path)
        want = (f'{path}:{last}:12: error: article \'./stories/../stories/s007.yaml\' is placed '
                f'twice: it is already the story at {marks[7][0]}:{marks[7][1]}')
        expect(r.returncode == 1 and want in r.stderr, 'a story placed twice under another spelling', r)
    with tempfile.TemporaryDirectory() as d:
        path, marks, last = write_edition(d, extra='stories/copy.yaml')
        with open(os.path.join(d, 'stories', 's123.yaml')) as f, \
                open(os.path.join(d, 'stories', 'copy.yaml'), 'w') as g:
            g.write(f.read())
        r = check(exe, path)
        want = (f"{path}:{last}:12: error: article 'stories/copy.yaml' has the id 's123', as has "
                f'the story at {marks[123][0]}:{marks[123][1]}')
        expect(r.returncode == 1 and want in r.stderr, 'two stories with one id', r)
    with tempfile.TemporaryDirectory() as d:
        path, marks, _ = write_edition(d, front=True)
        r = check(exe, path)
        want = (f'{path}:{marks[0][0]}:{marks[0][1]}: error: module outside the grid: the index '
                'strip of the front page (page 1) outgrew the page')
        expect(r.returncode == 1 and want in r.stderr and '-' not in r.stderr.split('grid lines')[0][-8:],
               'a front page whose index strip outgrows it', r)
    with tempfile.TemporaryDirectory() as d:
        path, _, _ = write_edition(d)
        same, r = table_vs_report(exe, path, d)
        expect(same, f'the copyfit table of {N} stories is the report\'s', r)
    with tempfile.TemporaryDirectory() as d:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        same, r = table_vs_report(exe, os.path.join(root, 'examples', 'edition', 'edition.yaml'), d)
        expect(same, 'the copyfit table of the example edition (jumps, ads) is the report\'s', r)
    print(f'{6 - failures} passed, {failures} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
