#!/bin/sh
# input_faults.sh - input files that must be refused before anything reads
# them (issue 11): an edition's layout outside its folder, FIFOs and other
# non-regular files in place of pictures, articles, advertisements, layouts
# and the input itself. One function per case.
#
#   input_faults.sh NEWSPRINT [CASE...]    run the named cases (default: all)
#   input_faults.sh --list                 print the case names, one a line
#
# Each case runs in a fresh temporary folder ($T, removed afterwards) holding
# an edition made from tests/malformed-issue (issue.yaml, stories/, ads/) and
# a secret file outside it ($T/secret/creds.yaml). `refused` runs both
# `check` and `render -o out/o.pdf --report out/o.json` from inside the
# edition's folder, each under a 20 s limit (a FIFO that is opened blocks for
# ever), and wants exit status 1, the exact diagnostic, no line of the secret
# file in the messages and nothing written.
set -u

here=$(cd "$(dirname "$0")" && pwd)
cases=$here/malformed-issue

CASES="layout_absolute layout_dotdot layout_symlink layout_allow_paths_not_a_layout
layout_allow_paths_yaml_errors_not_quoted layout_name_not_from_working_folder fifo_picture fifo_picture_symlink fifo_story fifo_ad
fifo_layout fifo_input device_input"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# refused MESSAGE ARGS...: `newsprint check ARGS` and `newsprint render ARGS
# -o ...` in $T/ed each exit 1 with the line MESSAGE on standard error, quote
# nothing of the secret file, and write nothing.
refused() {
	want=$1
	shift
	for cmd in check render; do
		rm -rf "$T/out"
		mkdir "$T/out"
		echo "+ newsprint $cmd $*"
		if [ $cmd = check ]; then
			(cd "$T/ed" && timeout 20 "$exe" check "$@") >"$T/stdout" 2>"$T/stderr"
		else
			(cd "$T/ed" && timeout 20 "$exe" render "$@" -o "$T/out/o.pdf" \
				--report "$T/out/o.json") >"$T/stdout" 2>"$T/stderr"
		fi
		got=$?
		sed 's/^/  stderr: /' "$T/stderr"
		[ "$got" -ne 124 ] || fail "$cmd did not finish within 20 s"
		[ "$got" -eq 1 ] || fail "$cmd: exit status $got, expected 1"
		grep -qxF -- "$want" "$T/stderr" || fail "$cmd: standard error lacks the line: $want"
		if grep -qe hunter2 -e password "$T/stderr"; then
			fail "$cmd: a message quotes the secret file"
		fi
		left=$(ls -A "$T/out")
		[ -z "$left" ] || fail "$cmd: files were written: $left"
	done
}

# issue_with_layout VALUE: $T/ed/issue.yaml, the valid issue with `layout:
# VALUE` on line 5 (its key at 5:3).
issue_with_layout() {
	sed "s|^  date: 2024-10-15\$|  date: 2024-10-15\n  layout: $1|" "$cases/valid.yaml" \
		>"$T/ed/issue.yaml"
	grep -n "^  layout: " "$T/ed/issue.yaml" | grep -q '^5:' || fail "layout: is not on line 5"
}

# issue_with FROM TO: $T/ed/issue.yaml, the valid issue with FROM replaced.
issue_with() {
	sed "s|$1|$2|" "$cases/valid.yaml" >"$T/ed/issue.yaml"
}

# article_with_picture FILE: $T/ed/a.yaml, an article whose picture's
# `file:` key is at 6:5.
article_with_picture() {
	printf 'id: a\nheadline: H\nbody:\n  - Text here.\nimages:\n  - file: %s\n    caption: c\n' \
		"$1" >"$T/ed/a.yaml"
}

case_layout_absolute() {
	issue_with_layout "$T/secret/creds.yaml"
	refused "issue.yaml:5:3: error: layout path '$T/secret/creds.yaml' is absolute: it must lie in the issue's folder (--allow-paths permits others)" issue.yaml
}

case_layout_dotdot() {
	issue_with_layout ../secret/creds.yaml
	refused "issue.yaml:5:3: error: layout path '../secret/creds.yaml' leaves the issue's folder through '..' (--allow-paths permits it)" issue.yaml
}

case_layout_symlink() {
	ln -s ../secret/creds.yaml "$T/ed/link.yaml"
	issue_with_layout ./link.yaml
	refused "issue.yaml:5:3: error: layout path './link.yaml' leads outside the issue's folder through a symbolic link" issue.yaml
}

# --allow-paths lets the file be read; it is no layout, and says so without
# echoing its first key.
case_layout_allow_paths_not_a_layout() {
	issue_with_layout ../secret/creds.yaml
	refused "../secret/creds.yaml:1:1: error: not a layout: none of its keys is one of: name, page, margins, columns, grid, standoff, min_measure, headline_band, pullquote, sidebar, image, hyphenation, justification, drop_cap, folio, styles, print, subheads, jumps" issue.yaml --allow-paths
}

# The loader's own messages quote the file (a duplicate key, a tag, an
# alias): for a file that is no layout, only "not a layout" is said.
case_layout_allow_paths_yaml_errors_not_quoted() {
	issue_with_layout ../secret/creds.yaml
	for secret in 'password: a\npassword: hunter2\n' 'password: !hunter2 x\n' \
		'password: *hunter2\n' 'password: &hunter2 x\n'; do
		printf "$secret" >"$T/secret/creds.yaml"
		refused "../secret/creds.yaml:1:1: error: not a layout: none of its keys is one of: name, page, margins, columns, grid, standoff, min_measure, headline_band, pullquote, sidebar, image, hyphenation, justification, drop_cap, folio, styles, print, subheads, jumps" issue.yaml --allow-paths
	done
}

# A name without '/' is a bundled layout: a file of that name in the working
# folder is not read instead.
case_layout_name_not_from_working_folder() {
	cp "$T/secret/creds.yaml" "$T/ed/creds"
	issue_with_layout creds
	refused "issue.yaml:5:11: error: unknown layout 'creds' (see 'newsprint layouts')" issue.yaml
}

case_fifo_picture() {
	mkfifo "$T/ed/pic.jpg"
	article_with_picture pic.jpg
	refused "a.yaml:6:5: error: picture 'pic.jpg' is not a regular file" a.yaml
}

case_fifo_picture_symlink() {
	mkfifo "$T/ed/pic.fifo"
	ln -s pic.fifo "$T/ed/pic.jpg"
	article_with_picture pic.jpg
	refused "a.yaml:6:5: error: picture 'pic.jpg' is not a regular file" a.yaml
}

case_fifo_story() {
	mkfifo "$T/ed/fifo.yaml"
	issue_with stories/two.yaml fifo.yaml
	refused "issue.yaml:15:11: error: article 'fifo.yaml' is not a regular file" issue.yaml
}

case_fifo_ad() {
	mkfifo "$T/ed/fifo.png"
	issue_with ads/photo.png fifo.png
	refused "issue.yaml:18:49: error: advertisement picture 'fifo.png' is not a regular file" issue.yaml
}

case_fifo_layout() {
	mkfifo "$T/ed/fifo.yaml"
	issue_with_layout ./fifo.yaml
	refused "issue.yaml:5:3: error: layout './fifo.yaml' is not a regular file" issue.yaml
}

case_fifo_input() {
	mkfifo "$T/ed/fifo.yaml"
	refused "fifo.yaml: error: not a regular file (a pipe, device or folder is not read)" fifo.yaml
}

# A device reads without end (or blocks): refused like a FIFO.
case_device_input() {
	refused "/dev/zero: error: not a regular file (a pipe, device or folder is not read)" /dev/zero
}

# ---------------------------------------------------------------- driver

# each case's folder: the edition's stories and ads, and a secret beside it
case_setup() {
	mkdir "$T/ed" "$T/secret" &&
		cp -r "$cases/stories" "$cases/ads" "$T/ed/" &&
		printf 'password: hunter2\n' >"$T/secret/creds.yaml"
}

. "$here/case_driver.sh"
run_cases input_faults "$@"
