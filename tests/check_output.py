#!/usr/bin/env python3
"""check_output.py - property checks on one newsprint render.

    check_output.py --report R.json [--pdf OUT.pdf] --article A.yaml [--article B.yaml ...]
                    [--layout L.yaml] [--png-dir D [--dpi N]] [--max-errors N]

Checks (each failure is printed with the offending page/frame/line; exit 1 on any):
  a  text conservation: every word of the articles is in the report's lines exactly as
     often as in the input, minus the article's overset_words (missing allowed up to
     that count, duplicates never). Words are compared NFC, case-folded, with
     typographic quotes/apostrophes/dashes normalised and surrounding punctuation
     stripped. A line ending in a hyphen and marked "hyphenated" is joined with the
     next line of the same stream (body: the article's column lines in report order,
     across pages; other frames: the same frame). Lines in furniture frames (folio,
     running_head, jump, nameplate, ad, index) are not article text. The article's section
     may be set once (a label) but need not be; its date is not checked.
  b  geometry: lines inside their frames; no two lines of a page overlap (box: a band
     of 0.75 * grid above the baseline); no body line (column frame) crosses any other
     frame (pullquote, sidebar, image, caption, headline, jump, folio...) except frames
     that contain its column (a story module); frames other than
     folio/running_head/nameplate inside the margins; no two frames overlap unless one
     is nested in the other, or one is a column frame and the other something standing
     in it (the contract's pull-quote frame straddles two column frames; text
     collisions there are caught line by line). A frame inside a non-column frame is
     that frame's child (a title in its sidebar) and is covered by its parent.
  c  grid: body/body_first/subhead lines of column frames have baselines
     margins.top + first_offset + k * grid, one first_offset per page (+-0.05 pt).
  d  (with --pdf) `qpdf --check` passes; `pdffonts` lists only embedded, subset fonts
     from the repository's fonts/ (by PostScript name, via fc-scan).
  e  (with --png-dir) every PNG NAME-N.png is page N's size in pt * dpi / 72 (+-1 px).

Exit status: 0 all checks passed, 1 a check failed, 2 bad usage or unreadable input.
YAML: uses PyYAML (Debian python3-yaml) when importable, else the small reader below,
which handles the block/flow subset our article and layout files use.
"""
import argparse
import collections
import glob
import json
import math
import os
import re
import struct
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

FURNITURE_TEXT = {"folio", "running_head", "jump", "nameplate", "ad", "index"}
MARGIN_EXEMPT = {"folio", "running_head", "nameplate"}
GRID_STYLES = {"body", "body_first", "subhead"}
TOL = 0.5


# ---------------------------------------------------------------- minimal YAML

class YamlError(Exception):
    pass


_DQ_ESC = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
           "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
           "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def _strip_comment(s):
    """Drops a trailing ' # comment' from plain text."""
    m = re.search(r"(^|\s)#", s)
    return (s[:m.start()] if m else s).rstrip()


def _plain(s):
    s = s.strip()
    if s in ("", "~", "null", "Null", "NULL"):
        return None
    if s in ("true", "True", "TRUE"):
        return True
    if s in ("false", "False", "FALSE"):
        return False
    if re.fullmatch(r"[-+]?[0-9]+", s):
        return int(s)
    if re.fullmatch(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?", s):
        return float(s)
    return s


class _Reader:
    def __init__(self, text):
        self.raw = text.replace("\r\n", "\n").split("\n")
        if self.raw and self.raw[0].startswith("\ufeff"):
            self.raw[0] = self.raw[0][1:]
        # (indent, content, lineno) of the significant lines; content may be
        # replaced when a sequence entry opens a mapping on its own line.
        self.lines = []
        for n, l in enumerate(self.raw):
            s = l.rstrip()
            st = s.lstrip(" ")
            if not st or st.startswith("#") or st == "---":
                continue
            if "\t" in s[:len(s) - len(st)]:
                raise YamlError("line %d: tab in indentation" % (n + 1))
            self.lines.append([len(s) - len(st), st, n])
        self.i = 0

    def err(self, msg, k=None):
        k = self.i if k is None else k
        n = self.lines[k][2] + 1 if k < len(self.lines) else len(self.raw)
        raise YamlError("line %d: %s" % (n, msg))

    def parse(self):
        if not self.lines:
            return None
        v = self.block(self.lines[0][0])
        if self.i < len(self.lines):
            self.err("unexpected content")
        return v

    def block(self, ind):
        c = self.lines[self.i][1]
        if c == "-" or c.startswith("- "):
            return self.seq(ind)
        return self.mapping(ind)

    def seq(self, ind):
        out = []
        while self.i < len(self.lines):
            lind, c, _ = self.lines[self.i]
            if lind < ind:
                break
            if lind > ind:
                self.err("bad indentation")
            if not (c == "-" or c.startswith("- ")):
                break
            rest = c[1:].lstrip(" ")
            if not rest:
                self.i += 1
                if self.i < len(self.lines) and self.lines[self.i][0] > ind:
                    out.append(self.block(self.lines[self.i][0]))
                else:
                    out.append(None)
                continue
            col = ind + len(c) - len(rest)
            if rest.startswith("- ") or rest == "-" or self._key_split(rest):
                self.lines[self.i][0] = col
                self.lines[self.i][1] = rest
                out.append(self.block(col))
            else:
                out.append(self.value(rest, ind))
        return out

    def _key_split(self, c):
        """(key, rest) if c is 'key: ...' (key plain or quoted), else None."""
        if c[0] in "\"'":
            v, end = self.quoted(c, 0, c[0], oneline=True)
            if v is None:
                return None
            r = c[end:]
            if r.startswith(":") and (len(r) == 1 or r[1] == " "):
                return v, r[1:].strip()
            return None
        if c[0] in "[{":
            return None
        m = re.match(r"([^#:][^:]*?|[^#]*?[^ ]):( |$)", c)
        if not m or m.group(1).strip() == "":
            return None
        return m.group(1).strip(), c[m.end():].strip()

    def mapping(self, ind):
        out = {}
        while self.i < len(self.lines):
            lind, c, _ = self.lines[self.i]
            if lind < ind:
                break
            if lind > ind:
                self.err("bad indentation")
            if c == "-" or c.startswith("- "):
                break
            kv = self._key_split(c)
            if kv is None:
                self.err("expected 'key: value'")
            key, rest = kv
            if key in out:
                self.err("duplicate key %r" % key)
            if rest == "" or rest.startswith("#"):
                self.i += 1
                if self.i < len(self.lines) and (self.lines[self.i][0] > ind or (
                        self.lines[self.i][0] == ind and (self.lines[self.i][1] == "-" or
                                                         self.lines[self.i][1].startswith("- ")))):
                    out[key] = self.block(self.lines[self.i][0])
                else:
                    out[key] = None
            else:
                out[key] = self.value(rest, ind)
        return out

    def value(self, rest, ind):
        """A scalar or flow value starting on the current line; advances self.i."""
        k = self.i
        if rest[0] in "|>":
            return self.block_scalar(rest, ind)
        if rest[0] in "\"'":
            v, end = self.quoted(rest, 0, rest[0], oneline=False)
            if v is None:  # multi-line quoted scalar
                return self.multiline_quoted(rest)
            if _strip_comment(rest[end:]) != "":
                self.err("text after a quoted scalar")
            self.i += 1
            return v
        if rest[0] in "[{":
            text = rest
            while True:
                try:
                    v, end = self.flow(text, 0)
                    break
                except IndexError:
                    self.i += 1
                    if self.i >= len(self.lines):
                        self.err("unterminated flow collection", k)
                    text += " " + self.lines[self.i][1]
            if _strip_comment(text[end:]) != "":
                self.err("text after a flow collection")
            self.i += 1
            return v
        self.i += 1
        return _plain(_strip_comment(rest))

    def quoted(self, s, p, qc, oneline):
        """Parses a quoted scalar at s[p]; returns (value, end) or (None, None)."""
        out = []
        j = p + 1
        while j < len(s):
            ch = s[j]
            if qc == "'":
                if ch == "'":
                    if j + 1 < len(s) and s[j + 1] == "'":
                        out.append("'")
                        j += 2
                        continue
                    return "".join(out), j + 1
                out.append(ch)
                j += 1
                continue
            if ch == '"':
                return "".join(out), j + 1
            if ch == "\\":
                j += 1
                if j >= len(s):
                    return None, None
                e = s[j]
                if e in _DQ_ESC:
                    out.append(_DQ_ESC[e])
                    j += 1
                elif e in "xuU":
                    n = {"x": 2, "u": 4, "U": 8}[e]
                    hx = s[j + 1:j + 1 + n]
                    if len(hx) != n or not re.fullmatch(r"[0-9A-Fa-f]+", hx):
                        self.err("bad escape \\%s%s" % (e, hx))
                    out.append(chr(int(hx, 16)))
                    j += 1 + n
                else:
                    self.err("bad escape \\%s" % e)
                continue
            out.append(ch)
            j += 1
        return None, None

    def multiline_quoted(self, first):
        """A quoted scalar over several lines, folded as YAML does: a line break
        becomes a space, each blank line a newline, a '\\' before the break
        joins the lines; leading and trailing blanks of inner lines go."""
        k = self.i
        qc = first[0]
        n = self.lines[k][2]
        text = first
        n += 1
        while True:
            blanks = 0
            while n < len(self.raw) and self.raw[n].strip() == "":
                blanks += 1
                n += 1
            if n >= len(self.raw):
                self.err("unterminated quoted scalar", k)
            nxt = self.raw[n].strip(" \t")
            n += 1
            if qc == '"' and re.search(r"(^|[^\\])(\\\\)*\\$", text):
                text = text[:-1] + nxt
            elif blanks:
                text = text.rstrip(" \t") + ("\\n" if qc == '"' else "\n") * blanks + nxt
            else:
                text = text.rstrip(" \t") + " " + nxt
            v, end = self.quoted(text, 0, qc, oneline=False)
            if v is not None:
                if _strip_comment(text[end:]) != "":
                    self.err("text after a quoted scalar", k)
                break
        while self.i < len(self.lines) and self.lines[self.i][2] < n:
            self.i += 1
        return v

    def flow(self, s, p):
        while s[p] == " ":
            p += 1
        ch = s[p]
        if ch == "[":
            out = []
            p += 1
            while True:
                while s[p] == " ":
                    p += 1
                if s[p] == "]":
                    return out, p + 1
                v, p = self.flow(s, p)
                out.append(v)
                while s[p] == " ":
                    p += 1
                if s[p] == ",":
                    p += 1
                elif s[p] != "]":
                    self.err("expected ',' or ']' in flow sequence")
        if ch == "{":
            out = {}
            p += 1
            while True:
                while s[p] == " ":
                    p += 1
                if s[p] == "}":
                    return out, p + 1
                if s[p] in "\"'":
                    k, p = self.quoted(s, p, s[p], oneline=True)
                else:
                    m = re.compile(r"[^:,{}\[\]]+").match(s, p)
                    if not m:
                        self.err("expected a key in flow mapping")
                    k, p = _plain(m.group(0)), m.end()
                while s[p] == " ":
                    p += 1
                if s[p] != ":":
                    self.err("expected ':' in flow mapping")
                v, p = self.flow(s, p + 1)
                if k in out:
                    self.err("duplicate key %r" % k)
                out[k] = v
                while s[p] == " ":
                    p += 1
                if s[p] == ",":
                    p += 1
                elif s[p] != "}":
                    self.err("expected ',' or '}' in flow mapping")
        if ch in "\"'":
            v, end = self.quoted(s, p, ch, oneline=True)
            if v is None:
                raise IndexError
            return v, end
        m = re.compile(r"[^,{}\[\]]*").match(s, p)
        return _plain(m.group(0)), m.end()

    def block_scalar(self, head, ind):
        m = re.fullmatch(r"([|>])([-+]?)([1-9]?)([-+]?)\s*(#.*)?", head)
        if not m:
            self.err("bad block scalar header")
        style, chomp = m.group(1), m.group(2) or m.group(4)
        start = self.lines[self.i][2] + 1
        n = start
        body = []
        bind = int(m.group(3)) + ind if m.group(3) else None
        while n < len(self.raw):
            l = self.raw[n].rstrip("\n")
            if l.strip() == "":
                body.append("")
                n += 1
                continue
            li = len(l) - len(l.lstrip(" "))
            if bind is None:
                if li <= ind:
                    break
                bind = li
            if li < bind:
                break
            body.append(l[bind:])
            n += 1
        # trailing blank lines belong to chomping, not to the next node
        while body and body[-1] == "" and n > start and self.raw[n - 1].strip() == "":
            body.pop()
            n -= 1
        trail = 0
        k = n
        while k < len(self.raw) and self.raw[k].strip() == "":
            trail += 1
            k += 1
        if style == "|":
            text = "\n".join(body)
        else:
            text = ""
            prev_more = False
            for idx, l in enumerate(body):
                more = l.startswith(" ") or l == ""
                if idx == 0:
                    text = l
                elif l == "":
                    text += "\n"
                elif prev_more or more or body[idx - 1] == "":
                    text += ("\n" if body[idx - 1] != "" else "") + l
                else:
                    text += " " + l
                prev_more = l.startswith(" ")
        if body:
            if chomp == "-":
                pass
            elif chomp == "+":
                text += "\n" + "\n" * trail
            else:
                text += "\n"
        while self.i < len(self.lines) and self.lines[self.i][2] < n:
            self.i += 1
        return text


def mini_yaml_load(text):
    return _Reader(text).parse()


def yaml_load_file(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        import yaml
    except ImportError:
        return mini_yaml_load(text)
    return yaml.safe_load(text)


# ---------------------------------------------------------------- failures

class Failures:
    def __init__(self, max_per_check):
        self.max = max_per_check
        self.count = collections.Counter()
        self.notes = []

    def fail(self, check, msg):
        self.count[check] += 1
        if self.count[check] <= self.max:
            print("FAIL [%s] %s" % (check, msg))
        elif self.count[check] == self.max + 1:
            print("FAIL [%s] ... (further failures of this check not shown)" % check)

    def note(self, msg):
        print("note: %s" % msg)

    def total(self):
        return sum(self.count.values())


CHECK_NAMES = {"a": "text conservation", "b": "geometry", "c": "baseline grid",
               "d": "pdf", "e": "png size", "input": "input"}


def where(page, line):
    t = line.get("text", "")
    if len(t) > 60:
        t = t[:57] + "..."
    return "page %s frame %s baseline %s: %r" % (page.get("number"), line.get("frame"),
                                                 _fmt(line.get("baseline")), t)


def _fmt(v):
    return ("%.2f" % v) if isinstance(v, (int, float)) else str(v)


# ---------------------------------------------------------------- words

_TRANS = {}
for _c in "\u2018\u2019\u201a\u201b\u2032\u02bc\uff07":
    _TRANS[ord(_c)] = "'"
for _c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2033\uff02":
    _TRANS[ord(_c)] = '"'
for _c in "\u2010\u2011":
    _TRANS[ord(_c)] = "-"
for _c in "\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d":
    _TRANS[ord(_c)] = " "
_TRANS[0xAD] = ""  # soft hyphen
HYPHENS = ("-", "\u2010", "\u00ad")


def _strip_punct(tok):
    a, b = 0, len(tok)
    while a < b and unicodedata.category(tok[a])[0] in "PS":
        a += 1
    while b > a and unicodedata.category(tok[b - 1])[0] in "PS":
        b -= 1
    return tok[a:b]


def norm_word(tok):
    t = unicodedata.normalize("NFC", tok).translate(_TRANS).casefold()
    t = unicodedata.normalize("NFC", t)
    return " ".join(filter(None, (_strip_punct(x) for x in t.split())))


def words(text):
    """The comparable words of a string."""
    t = unicodedata.normalize("NFC", text).translate(_TRANS).casefold()
    t = unicodedata.normalize("NFC", t)
    for tok in t.split():
        w = _strip_punct(tok)
        if w:
            yield w


def strip_markup(s):
    s = re.sub(r"\*\*(.+?)\*\*", r"\1", s, flags=re.S)
    s = re.sub(r"\*(.+?)\*", r"\1", s, flags=re.S)
    return s


def _s(v):
    if v is None:
        return None
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def article_texts(art):
    """(where, text) for every piece of text of an article that must be set."""
    out = []
    for key in ("kicker", "headline", "deck", "byline", "byline_title", "dateline"):
        if art.get(key) is not None:
            out.append((key, _s(art[key])))
    for n, b in enumerate(art.get("body") or [], 1):
        if isinstance(b, dict):
            if b.get("subhead") is not None:
                out.append(("body block %d (subhead)" % n, strip_markup(_s(b["subhead"]))))
        elif b is not None:
            out.append(("body block %d" % n, strip_markup(_s(b))))
    for n, pq in enumerate(art.get("pullquotes") or [], 1):
        out.append(("pull-quote %d" % n, strip_markup(_s(pq.get("text") or ""))))
        if pq.get("attribution") is not None:
            out.append(("pull-quote %d attribution" % n, _s(pq["attribution"])))
    for n, sb in enumerate(art.get("sidebars") or [], 1):
        if sb.get("title") is not None:
            out.append(("sidebar %d title" % n, _s(sb["title"])))
        for m, e in enumerate(sb.get("entries") or [], 1):
            for key in ("place", "date", "note"):
                if isinstance(e, dict) and e.get(key) is not None:
                    out.append(("sidebar %d entry %d %s" % (n, m, key), _s(e[key])))
        body = sb.get("body") or []
        if isinstance(body, str):
            body = [body]
        for m, p in enumerate(body, 1):
            out.append(("sidebar %d paragraph %d" % (n, m), strip_markup(_s(p))))
    for n, im in enumerate(art.get("images") or [], 1):
        for key in ("caption", "credit"):
            if im.get(key) is not None:
                out.append(("image %d %s" % (n, key), _s(im[key])))
    return out


def check_text(report, articles, F):
    expected = {}
    source = {}
    optional = {}
    for path, art in articles:
        aid = _s(art.get("id"))
        c = collections.Counter()
        src = {}
        for wh, text in article_texts(art):
            for w in words(text):
                c[w] += 1
                src.setdefault(w, wh)
        if aid in expected:
            F.fail("a", "article id %r given twice (%s)" % (aid, path))
        expected[aid] = c
        source[aid] = src
        # the section may be set (as a label in the headline band) but need not be
        optional[aid] = collections.Counter(words(_s(art.get("section") or "")))

    # streams of lines: (article, "body") for column frames, (article, page, frame) else
    streams = collections.OrderedDict()
    unknown = collections.Counter()
    for page in report.get("pages", []):
        frames = {f.get("id"): f for f in page.get("frames", [])}
        for ln in page.get("lines", []):
            fr = frames.get(ln.get("frame"))
            kind = fr.get("kind") if fr else None
            if kind in FURNITURE_TEXT:
                continue
            art = ln.get("article") or (fr.get("article") if fr else None)
            if art is None:
                F.fail("a", "line belongs to no article and is not in a furniture frame: %s"
                       % where(page, ln))
                continue
            if art not in expected:
                unknown[art] += 1
                continue
            key = (art, "body") if kind == "column" else (art, page.get("number"), ln.get("frame"))
            streams.setdefault(key, []).append((page, ln))
    for art, n in unknown.items():
        F.note("%d lines of article %r not checked: no --article gives it" % (n, art))

    found = {aid: collections.Counter() for aid in expected}
    first_at = {aid: {} for aid in expected}
    for (aid, *_), lines in streams.items():
        exp = expected[aid]
        carry = None  # (prefix, mode) from the previous line
        for page, ln in lines:
            if ln.get("style") == "drop_cap":  # its letter begins the next line's word
                carry = ((ln.get("text") or "").strip(), "keep")
                continue
            toks = (ln.get("text") or "").split()
            if carry and toks:
                prefix, mode = carry
                if mode == "hyph":
                    cands = [prefix + toks[0], prefix + "-" + toks[0]]
                    pick = cands[0]
                    for cnd in cands:
                        if any(w in exp for w in words(cnd)):
                            pick = cnd
                            break
                    toks[0] = pick
                else:
                    toks[0] = prefix + toks[0]
            elif carry:
                toks = [carry[0]]
            carry = None
            text = (ln.get("text") or "").rstrip()
            if toks and ln.get("continues"):  # the word goes on, unhyphenated
                carry = (toks.pop(), "keep")
            elif toks and text.endswith(HYPHENS):
                last = toks[-1]
                if ln.get("hyphenated"):
                    carry = (last[:-1], "hyph")
                    toks.pop()
                elif len(last) > 1 and last[-1] == "-" and \
                        unicodedata.category(last[-2])[0] in "LN":
                    carry = (last, "keep")
                    toks.pop()
            for w in words(" ".join(toks)):
                found[aid][w] += 1
                first_at[aid].setdefault(w, []).append(where(page, ln))
        if carry:
            for w in words(carry[0]):
                found[aid][w] += 1

    entries = {a.get("id"): a for a in report.get("articles", []) if isinstance(a, dict)}
    for aid, exp in expected.items():
        ent = entries.get(aid)
        if ent is None:
            F.fail("a", "article %r: no entry in the report's \"articles\"" % aid)
            overset = 0
        else:
            overset = ent.get("overset_words", 0) or 0
        got = found[aid]
        missing = collections.Counter()
        for w, n in exp.items():
            if got[w] < n:
                missing[w] = n - got[w]
        for w, n in got.items():
            if n > exp.get(w, 0) + optional[aid].get(w, 0):
                locs = first_at[aid].get(w, [])
                if exp.get(w, 0) == 0:
                    F.fail("a", "article %r: word %r is not in the input but set %d time(s), "
                           "first at %s" % (aid, w, n, locs[0] if locs else "?"))
                else:
                    F.fail("a", "article %r: word %r set %d times, the input has it %d times "
                           "(from %s); occurrences at: %s" % (aid, w, n, exp[w], source[aid][w],
                                                            "; ".join(locs[:4])))
        nmiss = sum(missing.values())
        if nmiss > overset:
            show = ", ".join("%r x%d (%s)" % (w, n, source[aid][w])
                             for w, n in list(missing.items())[:15])
            F.fail("a", "article %r: %d word(s) of the input are not in the report, but "
                   "overset_words is %d; missing: %s%s" % (aid, nmiss, overset, show,
                                                           " ..." if len(missing) > 15 else ""))
        elif nmiss < overset:
            F.note("article %r: report says %d words overset, %d input words are missing "
                   "(word counts differ)" % (aid, overset, nmiss))


# ---------------------------------------------------------------- geometry

def _box(f):
    return (float(f["x"]), float(f["y"]), float(f["x"]) + float(f["w"]),
            float(f["y"]) + float(f["h"]))


def _inside(a, b, tol=TOL):
    return a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol and a[3] <= b[3] + tol


def _overlap(a, b, tol=TOL):
    return min(a[2], b[2]) - max(a[0], b[0]) > tol and min(a[3], b[3]) - max(a[1], b[1]) > tol


def _lbox(ln, grid):
    x = float(ln["x"])
    b = float(ln["baseline"])
    return (x, b - 0.75 * grid, x + float(ln.get("width", 0)), b)


def check_geometry(report, grid, F):
    for page in report.get("pages", []):
        pn = page.get("number")
        try:
            pw, ph = float(page["width"]), float(page["height"])
            m = page.get("margins") or {}
            area = (float(m.get("left", 0)), float(m.get("top", 0)),
                    pw - float(m.get("right", 0)), ph - float(m.get("bottom", 0)))
        except (KeyError, TypeError, ValueError) as e:
            F.fail("b", "page %s: bad page geometry (%s)" % (pn, e))
            continue
        frames = {}
        boxes = []
        for f in page.get("frames", []):
            try:
                bx = _box(f)
            except (KeyError, TypeError, ValueError):
                F.fail("b", "page %s frame %s: no x/y/w/h" % (pn, f.get("id")))
                continue
            if f.get("id") in frames:
                F.fail("b", "page %s: frame id %s used twice" % (pn, f.get("id")))
            frames[f.get("id")] = f
            boxes.append((f, bx))
            if bx[0] < -TOL or bx[1] < -TOL or bx[2] > pw + TOL or bx[3] > ph + TOL:
                F.fail("b", "page %s frame %s (%s) %s: outside the page" % (pn, f.get("id"),
                                                                            f.get("kind"), _r(bx)))
            elif f.get("kind") not in MARGIN_EXEMPT and not _inside(bx, area):
                F.fail("b", "page %s frame %s (%s) %s: outside the margins %s" % (
                    pn, f.get("id"), f.get("kind"), _r(bx), _r(area)))
        # A frame inside a non-column frame is its child (a title in its sidebar, a
        # caption in its image); a frame containing others is their container (a
        # story module). Children are covered by their parent.
        child = set()
        for i, (fa, ba) in enumerate(boxes):
            for j, (fb, bb) in enumerate(boxes):
                if i != j and fb.get("kind") != "column" and _inside(ba, bb) and \
                        not (_inside(bb, ba) and i < j):
                    child.add(i)
        # frames overlapping: neither nested in the other, and not a column frame
        # with something standing in it (text there is checked line by line)
        for i in range(len(boxes)):
            fa, ba = boxes[i]
            for j in range(i + 1, len(boxes)):
                fb, bb = boxes[j]
                if i in child or j in child:
                    continue
                if not _overlap(ba, bb) or _inside(ba, bb) or _inside(bb, ba):
                    continue
                ka, kb = fa.get("kind"), fb.get("kind")
                if (ka == "column") != (kb == "column"):
                    continue
                F.fail("b", "page %s: frames %s (%s) %s and %s (%s) %s overlap" % (
                    pn, fa.get("id"), ka, _r(ba), fb.get("id"), kb, _r(bb)))
        # lines in frames; body lines off every other frame but their containers
        lboxes = []
        for ln in page.get("lines", []):
            try:
                lb = _lbox(ln, grid)
            except (KeyError, TypeError, ValueError):
                F.fail("b", "page %s: line without x/baseline/width: %r" % (pn, ln))
                continue
            fr = frames.get(ln.get("frame"))
            if fr is None:
                F.fail("b", "line in unknown frame: %s" % where(page, ln))
                continue
            fb = _box(fr)
            x0, x1, b = lb[0], lb[2], lb[3]
            if x0 < fb[0] - TOL or x1 > fb[2] + TOL or b < fb[1] - TOL or b > fb[3] + TOL:
                F.fail("b", "line outside its frame %s (x %.2f..%.2f, y %.2f..%.2f): x %.2f..%.2f "
                       "baseline %.2f: %s" % (fr.get("id"), fb[0], fb[2], fb[1], fb[3], x0, x1, b,
                                             where(page, ln)))
            if fr.get("kind") == "column":
                for of, ob in boxes:
                    if of.get("kind") == "column" or _inside(fb, ob):
                        continue
                    if _overlap(lb, ob):
                        F.fail("b", "body line crosses %s frame %s %s: %s" % (
                            of.get("kind"), of.get("id"), _r(ob), where(page, ln)))
            if lb[2] - lb[0] > 0:
                lboxes.append((lb, ln))
        # lines overlapping each other: sweep by top edge
        lboxes.sort(key=lambda t: t[0][1])
        for i in range(len(lboxes)):
            a, la = lboxes[i]
            for j in range(i + 1, len(lboxes)):
                b, lb2 = lboxes[j]
                if b[1] >= a[3] - 0.05:
                    break
                if min(a[2], b[2]) - max(a[0], b[0]) > TOL and min(a[3], b[3]) - max(a[1], b[1]) > 0.05:
                    F.fail("b", "lines overlap: %s AND %s" % (where(page, la), where(page, lb2)))


def _r(b):
    return "[%.1f,%.1f %.1fx%.1f]" % (b[0], b[1], b[2] - b[0], b[3] - b[1])


# ---------------------------------------------------------------- grid

def check_grid(report, grid, F):
    for page in report.get("pages", []):
        frames = {f.get("id"): f for f in page.get("frames", [])}
        top = float((page.get("margins") or {}).get("top", 0))
        pts = []
        for ln in page.get("lines", []):
            fr = frames.get(ln.get("frame"))
            if not fr or fr.get("kind") != "column" or ln.get("style") not in GRID_STYLES:
                continue
            try:
                r = (float(ln["baseline"]) - top) % grid
            except (KeyError, TypeError, ValueError):
                continue
            pts.append((r, ln))
        if not pts:
            continue
        ref = collections.Counter(round(r, 1) % round(grid, 1) for r, _ in pts).most_common(1)[0][0]
        # refine: mean of the values near the mode
        near = [r for r, _ in pts if _cdist(r, ref, grid) < 0.1]
        if near:
            ref = near[0]
        for r, ln in pts:
            d = _cdist(r, ref, grid)
            if d > 0.05:
                F.fail("c", "baseline off the page's grid by %.2f pt (grid %.2f, offset %.2f from "
                       "margin %.2f, page's offset %.2f): %s" % (d, grid, r, top, ref,
                                                                 where(page, ln)))


def _cdist(a, b, grid):
    d = abs(a - b) % grid
    return min(d, grid - d)


# ---------------------------------------------------------------- pdf

def project_fonts():
    files = sorted(glob.glob(os.path.join(ROOT, "fonts", "*.ttf")) +
                   glob.glob(os.path.join(ROOT, "fonts", "*.otf")))
    if not files:
        return None, "no fonts in %s" % os.path.join(ROOT, "fonts")
    try:
        out = subprocess.run(["fc-scan", "--format", "%{postscriptname}\n"] + files,
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        return None, "fc-scan failed: %s" % e
    return {l.strip() for l in out.splitlines() if l.strip()}, None


def parse_pdffonts(out):
    lines = out.splitlines()
    for k, l in enumerate(lines):
        if l.startswith("---"):
            cols = [(m.start(), m.end()) for m in re.finditer(r"-+", l)]
            head = lines[k - 1] if k else ""
            names = [head[a:b + 1].strip() if i + 1 < len(cols) else head[a:].strip()
                     for i, (a, b) in enumerate(cols)]
            rows = []
            for r in lines[k + 1:]:
                if not r.strip():
                    continue
                vals = []
                for i, (a, b) in enumerate(cols):
                    end = cols[i + 1][0] if i + 1 < len(cols) else len(r)
                    vals.append(r[a:end].strip())
                rows.append(dict(zip(names, vals)))
            return rows
    return []


def check_pdf(pdf, F):
    if not os.path.isfile(pdf):
        F.fail("d", "%s: no such file" % pdf)
        return
    try:
        p = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
        if p.returncode != 0:
            F.fail("d", "qpdf --check %s exited %d: %s" % (pdf, p.returncode,
                                                           (p.stdout + p.stderr).strip()[-800:]))
    except OSError as e:
        F.fail("d", "cannot run qpdf: %s" % e)
    allowed, err = project_fonts()
    if err:
        F.fail("d", err)
        return
    try:
        p = subprocess.run(["pdffonts", pdf], capture_output=True, text=True)
    except OSError as e:
        F.fail("d", "cannot run pdffonts: %s" % e)
        return
    if p.returncode != 0:
        F.fail("d", "pdffonts %s exited %d: %s" % (pdf, p.returncode, p.stderr.strip()))
        return
    rows = parse_pdffonts(p.stdout)
    for row in rows:
        name = row.get("name", "")
        base = re.sub(r"^[A-Z]{6}\+", "", name)
        if row.get("emb") != "yes":
            F.fail("d", "font %s (%s) is not embedded" % (name, row.get("type")))
        if row.get("sub") != "yes":
            F.fail("d", "font %s (%s) is not a subset" % (name, row.get("type")))
        if base not in allowed:
            F.fail("d", "font %s is not one of the project's fonts (%s)" % (
                name, ", ".join(sorted(allowed))))


# ---------------------------------------------------------------- png

def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_pngs(report, d, dpi, F):
    pages = {p.get("number"): p for p in report.get("pages", [])}
    files = sorted(glob.glob(os.path.join(d, "*.png")))
    if not files:
        F.fail("e", "no PNG files in %s" % d)
        return
    for path in files:
        m = re.search(r"-(\d+)\.png$", path)
        if m:
            n = int(m.group(1))
        elif len(pages) == 1:
            n = next(iter(pages))
        else:
            F.fail("e", "%s: no page number (-N.png) in the name" % path)
            continue
        page = pages.get(n)
        if page is None:
            F.fail("e", "%s: the report has no page %d" % (path, n))
            continue
        size = png_size(path)
        if size is None:
            F.fail("e", "%s: not a PNG file" % path)
            continue
        want = (round(float(page["width"]) * dpi / 72), round(float(page["height"]) * dpi / 72))
        if abs(size[0] - want[0]) > 1 or abs(size[1] - want[1]) > 1:
            F.fail("e", "%s: %dx%d px, page %d at %g dpi should be %dx%d" % (
                path, size[0], size[1], n, dpi, want[0], want[1]))


# ---------------------------------------------------------------- main

_UNITS = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "pc": 12.0}


def length(v, default):
    if v is None:
        return default
    if isinstance(v, (int, float)):
        return float(v)
    m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(pt|in|mm|cm|pc)?\s*", str(v))
    if not m:
        raise ValueError("bad length %r" % v)
    return float(m.group(1)) * _UNITS[m.group(2) or "pt"]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Property checks on a newsprint render.")
    ap.add_argument("--report", required=True)
    ap.add_argument("--pdf")
    ap.add_argument("--article", action="append", default=[], required=True)
    ap.add_argument("--layout")
    ap.add_argument("--png-dir")
    ap.add_argument("--dpi", type=float, default=96)
    ap.add_argument("--max-errors", type=int, default=40, help="failures shown per check")
    a = ap.parse_args(argv)
    F = Failures(a.max_errors)
    try:
        with open(a.report, encoding="utf-8") as f:
            report = json.load(f)
        articles = []
        for p in a.article:
            art = yaml_load_file(p)
            if not isinstance(art, dict):
                raise ValueError("%s: not an article (a YAML mapping)" % p)
            articles.append((p, art))
        grid = 11.5
        if a.layout:
            lay = yaml_load_file(a.layout)
            grid = length((lay or {}).get("grid"), 11.5)
    except (OSError, ValueError, YamlError) as e:
        print("check_output: %s" % e, file=sys.stderr)
        return 2
    except Exception as e:  # PyYAML errors and the like
        print("check_output: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 2
    if not isinstance(report, dict) or not isinstance(report.get("pages"), list):
        print("check_output: %s: no \"pages\" list" % a.report, file=sys.stderr)
        return 2
    check_text(report, articles, F)
    check_geometry(report, grid, F)
    check_grid(report, grid, F)
    if a.pdf:
        check_pdf(a.pdf, F)
    if a.png_dir:
        check_pngs(report, a.png_dir, a.dpi, F)
    ran = "abc" + ("d" if a.pdf else "") + ("e" if a.png_dir else "")
    if F.total():
        print("check_output: %d failure(s): %s" % (F.total(), ", ".join(
            "%s %s: %d" % (k, CHECK_NAMES[k], n) for k, n in sorted(F.count.items()))))
        return 1
    print("check_output: ok (%s; %d page(s), %d line(s))" % (
        ", ".join("%s %s" % (k, CHECK_NAMES[k]) for k in ran),
        len(report["pages"]), sum(len(p.get("lines", [])) for p in report["pages"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
