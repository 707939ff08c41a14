#!/usr/bin/env python3
"""links_test.py - every relative link in the project's pages resolves.

    links_test.py SOURCE_ROOT

In README.md, docs/*.md and the READMEs of tests/ and bench/, a link
[text](target) whose target is not a URL (http:, https:, mailto:) must name a
file or folder that exists, relative to the page it is in; a #fragment after a
Markdown file must be one of its headings' anchors (as GitHub makes them: lower
case, punctuation dropped, spaces to '-'). Targets inside code spans and fenced
code blocks are not links.

Every NAME.md that a page, a source file, a layout, an example or a test script
names (in prose or a comment: "see docs/layout.md") must exist, relative to the
root, to the file's folder or to docs/: a user's checkout has no notes from
outside it (CONTRACT.md, DESIGN.md).
"""
import glob
import os
import re
import sys

LINK = re.compile(r'\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)')


def prose(text):
    """The text without fenced code blocks and code spans."""
    text = re.sub(r'^```.*?^```', '', text, flags=re.S | re.M)
    return re.sub(r'`[^`\n]*`', '', text)


def anchors(path):
    out = set()
    with open(path, encoding='utf-8') as f:
        for line in prose(f.read()).splitlines():
            m = re.match(r'#+\s+(.*)', line)
            if m:
                a = re.sub(r'[^\w\- ]', '', m.group(1).strip().lower()).replace(' ', '-')
                out.add(a)
    return out


MENTION = re.compile(r'[A-Za-z0-9_./-]*[A-Za-z0-9_-]+\.md\b')
# Where mentions are looked for; the fuzz corpus and goldens are data.
SOURCES = ['README.md', 'docs/*.md', '*/README.md', 'tests/*/README.md', 'meson.build',
           'dev', 'tools/*', 'src/**/*.[ch]', 'src/**/meson.build', 'layouts/*.yaml',
           'examples/**/*.yaml', 'tests/*.py', 'tests/*.sh', 'tests/*.c', 'tests/meson.build',
           'bench/*']


def mentions(root):
    bad = 0
    files = set()
    for pattern in SOURCES:
        files.update(glob.glob(os.path.join(root, pattern), recursive=True))
    for path in sorted(files):
        if not os.path.isfile(path) or os.path.samefile(path, __file__):
            continue
        with open(path, encoding='utf-8', errors='replace') as f:
            lines = f.read().splitlines()
        for n, line in enumerate(lines, 1):
            for ref in MENTION.findall(line):
                ref = ref.rstrip('.')
                if ref.startswith(('http', '/')):
                    continue
                where = [os.path.join(root, ref), os.path.join(os.path.dirname(path), ref),
                         os.path.join(root, 'docs', ref)]
                if not any(os.path.exists(w) for w in where):
                    print(f'FAIL {os.path.relpath(path, root)}:{n}: names {ref}, '
                          f'which is not in the project')
                    bad += 1
    return bad


def main():
    root = sys.argv[1]
    pages = [os.path.join(root, 'README.md')] + sorted(glob.glob(os.path.join(root, 'docs', '*.md'))) \
        + sorted(glob.glob(os.path.join(root, '*', 'README.md')))
    bad = checked = 0
    for page in pages:
        with open(page, encoding='utf-8') as f:
            text = prose(f.read())
        for m in LINK.finditer(text):
            target = m.group(1)
            if re.match(r'[a-z]+:', target):
                continue
            checked += 1
            path, _, frag = target.partition('#')
            dest = os.path.normpath(os.path.join(os.path.dirname(page), path)) if path else page
            rel = os.path.relpath(page, root)
            if not os.path.exists(dest):
                print(f'FAIL {rel}: [{target}] names {os.path.relpath(dest, root)}, which does not exist')
                bad += 1
            elif frag and dest.endswith('.md') and frag not in anchors(dest):
                print(f'FAIL {rel}: [{target}]: no heading #{frag} in {os.path.relpath(dest, root)}')
                bad += 1
    print(f'{checked} relative links in {len(pages)} pages, {bad} broken')
    bad += mentions(root)
    return 1 if bad or not checked else 0


if __name__ == '__main__':
    sys.exit(main())
