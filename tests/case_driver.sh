# case_driver.sh - the case loop of the shell test drivers (cli_test.sh,
# output_test.sh, input_faults.sh), sourced once they define CASES and a
# function case_NAME for each case:
#
#   run_cases DRIVER "$@"     DRIVER names the driver in messages and temporaries
#
# with "$@" being `--list` (print the case names) or `NEWSPRINT [CASE...]`
# (run those cases, all by default). Each case runs in a subshell with $exe
# (NEWSPRINT, absolute) and $T (a fresh folder, removed afterwards); a driver's
# case_setup, when defined, fills $T first. A case's status: 0 passed, 77
# skipped, any other failed. Exits 1 when one failed, 77 when every case run
# was skipped, 2 on bad usage.
run_cases() {
	driver=$1
	shift
	if [ "${1:-}" = --list ]; then
		for c in $CASES; do echo "$c"; done
		exit 0
	fi
	if [ $# -lt 1 ]; then
		echo "usage: $0 NEWSPRINT [CASE...] | $0 --list" >&2
		exit 2
	fi
	exe=$1
	shift
	case $exe in /*) ;; *) exe=$(pwd)/$exe ;; esac
	[ -x "$exe" ] || { echo "$driver: $exe is not a program" >&2; exit 2; }
	[ $# -gt 0 ] || set -- $CASES

	failed=0 skipped=0
	for c in "$@"; do
		case " $(echo $CASES) " in
		*" $c "*) ;;
		*) echo "$driver: no case '$c' (see --list)" >&2; exit 2 ;;
		esac
		T=$(mktemp -d "${TMPDIR:-/tmp}/$driver.XXXXXX") || exit 2
		if type case_setup >/dev/null 2>&1; then
			case_setup || exit 2
		fi
		echo "=== $c"
		(case_$c)
		status=$?
		case $status in
		0) echo "ok $c" ;;
		77) echo "skip $c"; skipped=$((skipped + 1)) ;;
		*) echo "FAIL $c"; failed=$((failed + 1)) ;;
		esac
		chmod -R u+w "$T" 2>/dev/null
		rm -rf "$T"
	done
	[ "$failed" -eq 0 ] || exit 1
	[ "$skipped" -gt 0 ] && [ "$skipped" -eq $# ] && exit 77
	exit 0
}
