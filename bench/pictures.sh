#!/usr/bin/env bash
# bench/pictures.sh - picture decoding under stress (issue 15, item 2): time and
# peak RSS (/usr/bin/time -v) of one article that names one hostile picture six
# times (twice under another spelling of the same file).
#
#   bench/pictures.sh [--build DIR]     (default: build/ in the checkout)
#
# Cases, made in bench/out/pictures/ at run time:
#   jpeg-bomb  a JPEG of a few hundred bytes whose header declares 14000 x 14000
#              pixels (tests/picture_fixture: its data ends early)
#   png-bomb   a ~570 KB PNG of 13800 x 13800 black pixels (a zlib bomb; over the
#              100-megapixel decoding budget: an error, before decoding)
#   png-64mp   an 8000 x 8000 PNG (~200 KB; under the budget: decoded once)
# each to PDF, to a PNG preview at 96 dpi and to SVG. Not a test: no timings in
# the meson suite (tests/pictures_test.py checks the behaviour at small sizes).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$root/build
while [ $# -gt 0 ]; do
	case "$1" in
	--build) build=$2; shift 2 ;;
	-h|--help) sed -n 2,16p "$0"; exit 0 ;;
	*) echo "pictures.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
np=$build/src/newsprint
fixture=$build/tests/picture_fixture
[ -x "$np" ] && [ -x "$fixture" ] || { echo "pictures.sh: build first (meson compile -C $build)" >&2; exit 2; }
out=$here/out/pictures
rm -rf "$out"
mkdir -p "$out"

"$fixture" declare "$out/jpeg-bomb.jpg" 14000 14000
python3 - "$out" <<'PY'
import os, struct, sys, zlib
def png(path, w, h):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    z = zlib.compressobj(9)
    row = b"\0" * (1 + 3 * w)
    idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
png(os.path.join(sys.argv[1], "png-bomb.png"), 13800, 13800)
png(os.path.join(sys.argv[1], "png-64mp.png"), 8000, 8000)
PY

printf '%-10s %-4s %8s %6s %9s %s\n' case out bytes exit wall_s peak_rss_mb
for c in jpeg-bomb png-bomb png-64mp; do
	ext=${c#*-}
	ext=${ext%%-*}
	[ "$c" = jpeg-bomb ] && ext=jpg || ext=png
	{
		printf 'id: %s\nheadline: Six references to one picture\nbody:\n' "$c"
		for i in $(seq 1 30); do
			printf '  - "Paragraph %d, with words enough to fill a few lines of a column of the page."\n' "$i"
		done
		printf 'images:\n'
		for f in $c.$ext ./$c.$ext $c.$ext $c.$ext ./$c.$ext $c.$ext; do
			printf '  - file: %s\n' "$f"
		done
	} >"$out/$c.yaml"
	size=$(stat -c %s "$out/$c.$ext")
	for fmt in pdf png svg; do
		set +e
		/usr/bin/time -v "$np" render "$out/$c.yaml" -o "$out/$c-out.$fmt" 2>"$out/$c-$fmt.time" >/dev/null
		rc=$?
		set -e
		wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/$c-$fmt.time")
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/$c-$fmt.time")
		printf '%-10s %-4s %8s %6s %9s %s\n' "$c" "$fmt" "$size" "$rc" "$wall" "$((rss / 1024))"
	done
done
