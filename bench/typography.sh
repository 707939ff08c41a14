#!/usr/bin/env bash
# bench/typography.sh - newsprint's typography beside XeLaTeX's on the corpus (issue 4).
#
#   bench/typography.sh [PDFCHECK] [--build DIR]   (default: newsprint built from HEAD by bench/run)
#
# For each tests/corpus/*.yaml in the tabloid layout: newsprint --breaker first-fit,
# newsprint's default (total-fit), and the same article through XeLaTeX multicol
# (5 columns of 134.4 pt, 12 pt gutter, PT Serif 9.5/11.5, hyphenation on, headline
# across, the pull-quote as a \vbox in its column; made by bench/make_workload.py).
# Each PDF goes through `pdfcheck typography`; prints one table side by side.
#
# pdfcheck lives outside the repository: its path is the first argument, or $PDFCHECK,
# or ../shared/tools/pdfcheck beside the checkout. Nothing in the build or the tests
# depends on it. Needs xelatex (texlive-xetex, texlive-latex-extra, texlive-lang-*);
# without it the XeLaTeX rows say "not installed".
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
	json=$("$pdfcheck" typography ${5:+--report "$5"} "$3" 2>/dev/null | tail -1)
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
        rows.append([art, eng] + [''] * 9 + [d.get('error', 'pdfcheck failed')])
        continue
    spread = [b.get('spread_lines') for b in d.get('balance', []) if b.get('spread_lines') is not None]
    if d.get('max_bottom_spread_lines') is not None:   # judged with the layout report
        spread = [d['max_bottom_spread_lines']]
    r = [art, eng, d['body_lines'], d['loose_lines'], d['very_loose_lines'], d['hyphenated_lines'],
         d['max_hyphen_run'], d['grid_score'],
         f"{d['widows'] + d['obstacle_widows']}/{d['orphans'] + d['obstacle_orphans']}",
         max(spread) if spread else '', ms, '']
    rows.append(r)
    t = tot.setdefault(eng, [0, 0, 0, 0, 0, 0, 0, 0])
    for i, v in enumerate((d['body_lines'], d['loose_lines'], d['very_loose_lines'], d['hyphenated_lines'],
                           d['widows'] + d['obstacle_widows'], d['orphans'] + d['obstacle_orphans'], int(ms or 0))):
        t[i] += v
    t[7] = max(t[7], d['max_hyphen_run'])
head = ['article', 'engine', 'body lines', 'loose', 'very loose', 'hyphenated', 'max hyphen run',
        'grid', 'widows/orphans', 'balance spread', 'ms', 'note']
for eng, t in tot.items():
    rows.append(['ALL', eng, t[0], t[1], t[2], t[3], t[7], '', f'{t[4]}/{t[5]}', '', t[6], ''])
cells = [[str(c) for c in r] for r in rows]
w = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
fmt = lambda cs: '  '.join(c.ljust(w[i]) for i, c in enumerate(cs)).rstrip()
print(fmt(head)); print(fmt(['-' * x for x in w]))
for c in cells:
    print(fmt(c))
print('\nloose: mean inter-word gap over 0.5 em; very loose: over 0.75 em (pdfcheck typography);'
      ' balance spread: largest difference of column bottoms on a page, in lines (newsprint: judged'
      ' with its layout report, obstacles known; XeLaTeX: raw column bottoms); ms: one run, wall, report included.')
EOF
