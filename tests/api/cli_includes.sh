#!/bin/sh
# cli_includes.sh SRC - the command line is a client of newsprint.h alone:
# src/cli/*.c and *.h include "newsprint.h", their own headers (args.h,
# json.h: files of src/cli) and system headers (found under /usr/include), nothing of src/ or the build.
set -u
src=$1
bad=0
for f in "$src"/src/cli/*.c "$src"/src/cli/*.h; do
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*\(.*\)$/\1/p' "$f" >"${TMPDIR:-/tmp}/inc.$$"
	while read -r inc; do
		case $inc in
		'"newsprint.h"' | '<newsprint.h>') continue ;;
		'"'*'"')
			# the command line's own headers, beside it
			h=${inc#\"}
			h=${h%\"}
			case $h in */*) ;; *) [ -e "$src/src/cli/$h" ] && continue ;; esac
			echo "FAIL: $f includes $inc: only newsprint.h and src/cli's own headers"
			bad=1
			;;
		'<'*'>')
			h=${inc#<}
			h=${h%>}
			system=0
			for p in /usr/include/"$h" /usr/include/*/"$h" /usr/lib/gcc/*/*/include/"$h"; do
				[ -e "$p" ] && system=1
			done
			if [ -e "$src/src/$h" ] || [ -e "$src/src/cli/$h" ] || [ "$h" = np_config.h ] ||
				[ $system = 0 ]; then
				echo "FAIL: $f includes $inc: not a system header"
				bad=1
			fi
			;;
		*)
			echo "FAIL: $f includes $inc: only newsprint.h, src/cli's own headers and system ones"
			bad=1
			;;
		esac
	done <"${TMPDIR:-/tmp}/inc.$$"
	rm -f "${TMPDIR:-/tmp}/inc.$$"
done
[ $bad = 0 ] && echo "src/cli includes only newsprint.h, args.h and system headers"
exit $bad
