#!/bin/sh
# atomic_kill.sh - output is whole or absent: a render killed mid-write
# (SIGKILL, no chance to clean up) leaves no partial file at the target, and
# an old target survives byte for byte; an unwritable output is refused
# before any work (before the input is even parsed).
#
#   atomic_kill.sh NEWSPRINT
#
# The input (about 300 tabloid pages) is generated; the render is killed as
# soon as its temporary file OUT.pdf.tmp-* has bytes in it (the empty one of
# the start-up writability check does not count). A stray temporary file is
# tolerated, as the contract says.
set -u
[ $# -eq 1 ] || { echo "usage: $0 NEWSPRINT" >&2; exit 2; }
exe=$1
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0

python3 - "$tmp/big.yaml" <<'PY'
import random, sys
rnd = random.Random(7)
w = ("the minister said talks would continue until an agreement was reached "
     "between the governments across the region").split()
with open(sys.argv[1], "w") as f:
    f.write("id: big\nheadline: A very long article\nbody:\n")
    for i in range(2600):
        f.write("  - " + " ".join(rnd.choice(w) for _ in range(300)) + ".\n")
PY

# Starts a render of big.yaml to $1 and kills it once the temporary has bytes.
# Returns 1 when the render finished before it could be killed.
kill_mid_write() {
	"$exe" render "$tmp/big.yaml" -o "$1" --breaker first-fit --max-pages 400 \
		>/dev/null 2>&1 &
	pid=$!
	n=0
	while kill -0 "$pid" 2>/dev/null; do
		for t in "$1".tmp-*; do
			if [ -s "$t" ]; then
				kill -9 "$pid"
				wait "$pid" 2>/dev/null
				pid=
				return 0
			fi
		done
		n=$((n + 1))
		[ $n -gt 50000 ] && break # 500 s (slower under ASan)
		sleep 0.01
	done
	wait "$pid" 2>/dev/null
	pid=
	return 1
}

# 1. No old file: nothing at the target after the kill.
if ! kill_mid_write "$tmp/new.pdf"; then
	echo "FAIL: the render ended before it could be killed (or never wrote)"
	fail=1
elif [ -e "$tmp/new.pdf" ]; then
	echo "FAIL: a killed render left $tmp/new.pdf behind"
	fail=1
else
	echo "ok killed render: no file at the target ($(ls "$tmp" | grep -c 'tmp-') stray temporary)"
fi

# 2. An old file: byte-identical after the kill.
printf '%%PDF-1.5\n%% the old edition\n' >"$tmp/old.pdf"
cp "$tmp/old.pdf" "$tmp/old.copy"
if ! kill_mid_write "$tmp/old.pdf"; then
	echo "FAIL: the second render ended before it could be killed"
	fail=1
elif ! cmp -s "$tmp/old.pdf" "$tmp/old.copy"; then
	echo "FAIL: a killed render changed the old $tmp/old.pdf"
	fail=1
else
	echo "ok killed render: the old file is untouched"
fi

# 3. Unwritable output: exit 1 at once, and the input (broken on purpose) is
# never read, so its error does not appear.
printf 'id: bad id\n' >"$tmp/broken.yaml"
"$exe" render "$tmp/broken.yaml" -o "$tmp/no/such/dir/out.pdf" 2>"$tmp/err" >/dev/null
status=$?
if [ "$status" -ne 1 ] || ! grep -q "cannot write" "$tmp/err" || grep -q "broken.yaml" "$tmp/err"; then
	echo "FAIL: unwritable output: status $status, expected 1 and only 'cannot write':"
	sed 's/^/    /' "$tmp/err"
	fail=1
else
	echo "ok unwritable output refused before the input was read"
fi
exit $fail
