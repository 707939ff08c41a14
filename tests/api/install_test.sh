#!/bin/sh
# install_test.sh BUILD SRC - `meson install` into a temporary folder (DESTDIR),
# then, as a user would: the installed files are there (program, one header,
# the library with its soname exporting only np_*, newsprint.pc, the data,
# the man page), tests/api/consumer.c builds with `pkg-config --cflags --libs
# newsprint` from there and renders an article to PDF in memory against the
# installed library and data, and the installed program runs.
set -eu
build=$1
src=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

meson install -C "$build" --destdir "$T/root" --no-rebuild --quiet >"$T/install.log" 2>&1 ||
	{ cat "$T/install.log"; fail "meson install"; }
opt() {
	meson introspect "$build" --buildoptions |
		python3 -c "import json,sys; print([o['value'] for o in json.load(sys.stdin) if o['name']=='$1'][0])"
}
prefix=$T/root$(opt prefix)
libdir=$prefix/$(opt libdir)
data=$prefix/$(opt datadir)/newsprint

for f in bin/newsprint include/newsprint.h "$(opt mandir)/man1/newsprint.1" \
	"$(opt datadir)/newsprint/layouts/tabloid.yaml" "$(opt datadir)/newsprint/fonts" \
	"$(opt datadir)/doc/newsprint/cli.md"; do
	[ -e "$prefix/$f" ] || fail "not installed: $f"
done
headers=$(cd "$prefix/include" && find . -type f | sort | tr '\n' ' ')
[ "$headers" = "./newsprint.h " ] || fail "headers installed: $headers (only newsprint.h)"
lib=$libdir/libnewsprint.so
[ -e "$lib" ] || fail "no $lib"
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libnewsprint.so.0 ] || fail "soname '$soname', expected libnewsprint.so.0"
[ -e "$libdir/$soname" ] || fail "no $libdir/$soname"
sh "$src/tests/api/exports.sh" "$lib" "$prefix/include/newsprint.h" ||
	fail "the installed library exports more or less than newsprint.h declares"

pc=$libdir/pkgconfig
[ -e "$pc/newsprint.pc" ] || fail "no newsprint.pc in $pc"
flags=$(PKG_CONFIG_PATH=$pc pkg-config --define-variable=prefix="$prefix" \
	--cflags --libs newsprint) || fail "pkg-config newsprint"
echo "pkg-config: $flags"
# a sanitized build's library needs its runtime first: the consumer is built likewise
san=$(opt b_sanitize)
[ "$san" = none ] || flags="-fsanitize=$san $flags"
# shellcheck disable=SC2086 # the flags are words
cc -std=c17 -Wall -Wextra -Werror -o "$T/consumer" "$src/tests/api/consumer.c" $flags ||
	fail "consumer.c does not build against the installed newsprint"
LD_LIBRARY_PATH=$libdir "$T/consumer" "$data" "$src/examples/commonwealth.yaml" ||
	fail "consumer"
# the consumer really used the installed library
LD_LIBRARY_PATH=$libdir ldd "$T/consumer" | grep -q "$libdir/libnewsprint.so.0" ||
	fail "consumer not linked to the installed library"

# the installed program, on the installed data
v=$(LD_LIBRARY_PATH=$libdir "$prefix/bin/newsprint" --version) || fail "newsprint --version"
case $v in "newsprint "[0-9]*) ;; *) fail "newsprint --version said '$v'" ;; esac
LD_LIBRARY_PATH=$libdir NEWSPRINT_DATA=$data "$prefix/bin/newsprint" layouts | grep -qx tabloid ||
	fail "installed newsprint layouts"
LD_LIBRARY_PATH=$libdir NEWSPRINT_DATA=$data "$prefix/bin/newsprint" render \
	"$src/examples/commonwealth.yaml" -o "$T/out.pdf" || fail "installed newsprint render"
head -c 5 "$T/out.pdf" | grep -q '%PDF-' || fail "installed render wrote no PDF"
# the man page is well formed roff
groff -man -Tutf8 -ww -z "$prefix/$(opt mandir)/man1/newsprint.1" 2>"$T/groff.log"
[ ! -s "$T/groff.log" ] || { cat "$T/groff.log"; fail "groff warnings in newsprint.1"; }
echo "install ok"
