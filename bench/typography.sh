#!/usr/bin/env bash
# bench/typography.sh - newsprint's typography beside XeLaTeX's and Typst's on the corpus
# (issues 4 and 14).
#
#   bench/typography.sh [PDFCHECK] [--build DIR]   (default: newsprint built from HEAD by bench/run)
#
# For each tests/corpus/*.yaml in the tabloid layout: newsprint --breaker first-fit,
# newsprint's default (total-fit), and the same article through XeLaTeX multicol
# (5 columns of 134.4 pt, 12 pt gutter, PT Serif 9.5/11.5, hyphenation on, headline
# across, the pull-quote as a \vbox in its column) and through Typst 0.14 (the same
# page, `columns: 5`; bench/typst-pdf.js), both made by bench/make_workload.py.
# Each PDF goes through `pdfcheck typography --limit max_hyphen_run=2`; prints one table
# side by side, with the words' width deviation (issue 14: each word of 5+ letters seen 3+
# times against its median width) and a line of totals per engine.
#
# pdfcheck lives outside the repository: its path is the first argument, or $PDFCHECK,
# or ../shared/tools/pdfcheck beside the checkout. Nothing in the build or the tests
# depends on it. Needs xelatex (texlive-xetex, texlive-latex-extra, texlive-lang-*) and, for
# Typst, node and bench/node_modules (`bench/run` installs it with npm); without them the
# rows say "not installed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=""
pdfcheck="${PDFCHECK:-$root/../shared/tools/pdfcheck}"
while [ $# -gt 0 ]; do
	case "$1" in
	--build) build="$2"; shift 2 ;;
	-h|--help) sed -n 2,15p "$0"; exit 0 ;;
	*) pdfcheck="$1"; shift ;;
	esac
done
if [ ! -x "$pdfcheck" ]; then
	echo "typography.sh: pdfcheck not found at $pdfcheck (give its path or set PDFCHECK)" >&2
	exit 2
fi
out="$here/out/typography"
mkdir -p "$out"
# newsprint: a build of HEAD's snapshot (as bench/run makes it), or of the folder given
np=$(python3 "$here/run" --build-only ${build:+--build "$build"}) || {
	echo "typography.sh: cannot build newsprint" >&2; exit 1; }

now() { date +%s%N; }
results="$out/results.tsv"
: >"$results"
check() { # engine article pdf ms [report.json]
	local json
	json=$("$pdfcheck" typography --limit max_hyphen_run=2 ${5:+--report "$5"} "$3" 2>/dev/null | head -1)
	printf '%s\t%s\t%s\t%s\n' "$2" "$1" "$4" "${json:-{\}}" >>"$results"
}

for art in "$root"/tests/corpus/*.yaml; do
	name=$(basename "$art" .yaml)
	for br in first-fit total-fit; do
		pdf="$out/$name-$br.pdf"
		t0=$(now)
		if "$np" render "$art" -l tabloid --breaker "$br" -o "$pdf" --report "$out/$name-$br.json" \
			2>"$out/$name-$br.err"; then
			check "newsprint $br" "$name" "$pdf" $(( ($(now) - t0) / 1000000 )) "$out/$name-$br.json"
		else
			printf '%s\t%s\t\t{"error": "newsprint failed: %s"}\n' "$name" "newsprint $br" \
				"$(tail -1 "$out/$name-$br.err" | tr -d '"\t')" >>"$results"
		fi
	done
	if command -v node >/dev/null && [ -d "$here/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
		python3 "$here/make_workload.py" --article "$art" --name "$name" --out "$out" \
			--fonts "$root/fonts" --formats typ >/dev/null
		t0=$(now)
		if node "$here/typst-pdf.js" "$out/$name.typ" "$out/$name-typst.pdf" "$root/fonts" \
			>/dev/null 2>"$out/$name-typst.err"; then
			check "typst columns" "$name" "$out/$name-typst.pdf" $(( ($(now) - t0) / 1000000 ))
		else
			printf '%s\t%s\t\t{"error": "typst failed, see %s"}\n' "$name" "typst columns" \
				"$out/$name-typst.err" >>"$results"
		fi
	else
		printf '%s\t%s\t\t{"error": "not installed: node or bench/node_modules (bench/run installs it)"}\n' \
			"$name" "typst columns" >>"$results"
	fi
	if command -v xelatex >/dev/null; then
		python3 "$here/make_workload.py" --article "$art" --name "$name" --out "$out" \
			--fonts "$root/fonts" --formats tex >/dev/null
		t0=$(now)
		if (cd "$out" && xelatex -interaction=batchmode -halt-on-error "$name.tex" >/dev/null 2>&1); then
			check "xelatex multicol" "$name" "$out/$name.pdf" $(( ($(now) - t0) / 1000000 ))
		else
			printf '%s\t%s\t\t{"error": "xelatex failed, see %s"}\n' "$name" "xelatex multicol" \
				"$out/$name.log" >>"$results"
		fi
	else
		printf '%s\t%s\t\t{"error": "not installed: xelatex (apt-get install texlive-xetex texlive-latex-extra texlive-lang-cyrillic texlive-lang-german)"}\n' \
			"$name" "xelatex multicol" >>"$results"
	fi
done

python3 - "$results" <<'EOF'
import json, sys
rows = []
tot = {}
for line in open(sys.argv[1], encoding='utf-8'):
    art, eng, ms, js = line.rstrip('\n').split('\t', 3)
    d = json.loads(js or '{}')
    if 'error' in d or 'body_lines' not in d:
        rows.append([art, eng] + [''] * 13 + [d.get('error', 'pdfcheck failed')])
        continue
    spread = [b.get('spread_lines') for b in d.get('balance', []) if b.get('spread_lines') is not None]
    if d.get('max_bottom_spread_lines') is not None:   # judged with the layout report
        spread = [d['max_bottom_spread_lines']]
    ww = d.get('width_words') or 0
    over3 = d.get('width_dev_over_3pct_share') or 0
    p95 = d.get('width_dev_p95')
    r = [art, eng, d['body_lines'], d['loose_lines'], d['very_loose_lines'], d['tight_lines'],
         d['hyphenated_lines'], d['max_hyphen_run'], d['grid_score'],
         f"{d['widows'] + d['obstacle_widows']}/{d['orphans'] + d['obstacle_orphans']}",
         max(spread) if spread else '', ww, '' if p95 is None else p95,
         f'{over3:.3f}' if ww else '', ms, '']
    rows.append(r)
    t = tot.setdefault(eng, dict(lines=0, just=0, loose=0, vloose=0, tight=0, hy=0, run=0, w=0, o=0, ms=0,
                                 ww=0, w3=0.0, p95=0.0, ru=0, rul=0))
    t['just'] += d.get('justified_lines', 0)
    t['lines'] += d['body_lines']; t['loose'] += d['loose_lines']; t['vloose'] += d['very_loose_lines']
    t['tight'] += d['tight_lines']; t['hy'] += d['hyphenated_lines']
    t['run'] = max(t['run'], d['max_hyphen_run'])
    t['w'] += d['widows'] + d['obstacle_widows']; t['o'] += d['orphans'] + d['obstacle_orphans']
    t['ms'] += int(ms or 0); t['ww'] += ww; t['w3'] += over3 * ww
    if ww >= 20 and p95 is not None:
        t['p95'] = max(t['p95'], p95)
    if art.startswith('ru'):
        t['ru'] += d.get('justified_lines', 0); t['rul'] += d['loose_lines']
head = ['article', 'engine', 'body lines', 'loose', 'very loose', 'tight', 'hyphenated', 'max hyphen run',
        'grid', 'widows/orphans', 'balance spread', 'width words', 'width p95', 'over 3%', 'ms', 'note']
for eng, t in tot.items():
    L = t['just'] or 1  # shares of the justified lines, as pdfcheck's loose_share
    rows.append(['ALL', eng, t['lines'], f"{t['loose']} ({t['loose'] / L:.1%})",
                 f"{t['vloose']} ({t['vloose'] / L:.1%})", t['tight'], t['hy'], t['run'], '',
                 f"{t['w']}/{t['o']}", '', t['ww'], f"{t['p95']} (max)",
                 f"{t['w3'] / t['ww']:.3f}" if t['ww'] else '', t['ms'],
                 f"Russian loose {t['rul'] / t['ru']:.1%}" if t['ru'] else ''])
cells = [[str(c) for c in r] for r in rows]
w = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
fmt = lambda cs: '  '.join(c.ljust(w[i]) for i, c in enumerate(cs)).rstrip()
print(fmt(head)); print(fmt(['-' * x for x in w]))
for c in cells:
    print(fmt(c))
print('\nloose: mean inter-word gap over 0.5 em; very loose: over 0.75 em; tight: under 0.15 em'
      ' (pdfcheck typography; the ALL row'"'"'s shares are of the justified lines, as its loose_share); width: words of 5+ letters seen 3+ times in an article against their'
      ' median width: p95 of the deviation (the ALL row: the largest of the articles with 20+ words'
      ' compared) and the share more than 3% off; balance spread: largest difference of column'
      ' bottoms on a page, in lines (newsprint: judged with its layout report, obstacles known;'
      ' peers: raw column bottoms); ms: one run, wall, report included.')
EOF
