#!/usr/bin/env python3
"""copydesk_test.py - the copy desk's rules (issue 14, parts 3-6), one case a run.

    copydesk_test.py NEWSPRINT CASE     run one case
    copydesk_test.py --list             print the case names

  jump_words  every jump line of the example edition is worded in its story's
              language (the table below, kept apart from src/flow/words.c) and
              carries jump_to / jump_from with the label it names;
  dates       an edition with `language: de` dates its nameplate band, running
              heads and folios in German ("15. Oktober 2024", "Seite A2"), and an
              issue's `words` override a story's jump lines; a Russian article set
              alone dates its folio in Russian;
  subhead_space  a subhead not at a column's top has `subheads.space` empty
              grid lines above it (1 by default, 2 when the layout says so),
              and the two lines after it in its column;
  ragged      headlines, decks, subheads, jump heads, captions and pull-quotes of
              the edition and the corpus (tabloid, broadsheet): no word cut without
              a hyphen, no one-word last line under a longer one;
  long_word   a headline word wider than the measure shrinks the headline; wider
              still at the smallest size, it is cut with a warning naming it;
  jump_hyphen no hyphenated line before a jump line (edition) or a page turn
              (corpus articles in three layouts);
  jump_lines  a part before a jump with two lines in a column, and an empty
              column, are warnings naming the story and the page;
  pullquotes  every pull-quote set has 3 lines of its story under it in each
              column it spans, and a story's quotes take at most a third of its
              columns' area on a page.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EDITION = os.path.join(ROOT, "examples", "edition", "edition.yaml")
STORIES = os.path.join(ROOT, "examples", "edition", "stories")
CORPUS = os.path.join(HERE, "corpus")

# What a reader of each language expects; "{}" is the page label.
JUMP_WORDS = {
    "en": ("Continued on page {}", "Continued from page {}"),
    "ru": ("Продолжение на\u00a0стр.\u00a0{}", "Начало на\u00a0стр.\u00a0{}"),
    "de": ("Fortsetzung auf Seite {}", "Fortsetzung von Seite {}"),
}


class Fail(Exception):
    pass


def sh(cmd, **kw):
    print("+ " + " ".join(cmd))
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.stderr:
        sys.stdout.write("".join("  stderr: " + l + "\n" for l in p.stderr.splitlines()[-30:]))
    return p


def render(exe, src, out, name, *extra, status=0):
    pdf = os.path.join(out, name + ".pdf")
    rep = os.path.join(out, name + ".json")
    p = sh([exe, "render", src, "-o", pdf, "--report", rep] + list(extra))
    if p.returncode != status:
        raise Fail("newsprint render exited %d, expected %d" % (p.returncode, status))
    with open(rep, encoding="utf-8") as f:
        return json.load(f), p.stderr


def languages(issue_path):
    """article id -> language, for the stories of an issue."""
    with open(issue_path, encoding="utf-8") as f:
        issue = yaml.safe_load(f)["issue"]
    out = {}
    for page in issue["pages"]:
        for st in page.get("stories", []):
            with open(os.path.join(os.path.dirname(issue_path), st["article"]), encoding="utf-8") as f:
                a = yaml.safe_load(f)
            out[a["id"]] = a.get("language", "en")
    return out


def lines_of(rep, style):
    for p in rep["pages"]:
        for l in p["lines"]:
            if l["style"] == style:
                yield p, l


def case_jump_words(exe, out):
    rep, _ = render(exe, EDITION, out, "edition")
    lang = languages(EDITION)
    errs, n = [], 0
    for p, l in lines_of(rep, "jump"):
        on, frm = JUMP_WORDS[lang[l["article"]][:2]]
        if "jump_to" in l:
            want = on.format(l["jump_to"])
        elif "jump_from" in l:
            want = frm.format(l["jump_from"])
        else:
            errs.append("%s: jump line %r has neither jump_to nor jump_from" % (p["label"], l["text"]))
            continue
        n += 1
        if l["text"] != want:
            errs.append("%s: %s (%s): %r, expected %r" % (p["label"], l["article"],
                                                        lang[l["article"]], l["text"], want))
    if n < 10:
        errs.append("only %d jump lines in the edition" % n)
    if errs:
        raise Fail("\n  ".join(errs))
    print("%d jump lines in their stories' languages" % n)


def case_dates(exe, out):
    with open(EDITION, encoding="utf-8") as f:
        issue = yaml.safe_load(f)
    issue["issue"]["language"] = "de"
    issue["issue"]["words"] = {"ru": {"on": "Читайте на\u00a0с.\u00a0{page}"}}
    for page in issue["issue"]["pages"]:
        for st in page.get("stories", []):
            st["article"] = os.path.join(STORIES, os.path.basename(st["article"]))
        for ad in page.get("ads", []):
            if "image" in ad:
                ad["image"] = os.path.join(ROOT, "examples", "edition", ad["image"])
    path = os.path.join(out, "de.yaml")
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(issue, f, allow_unicode=True)
    rep, _ = render(exe, path, out, "de", "--allow-paths")
    errs = []
    folios = [l["text"] for _, l in lines_of(rep, "folio")]
    if len(folios) != 12 or not all("15. Oktober 2024" in t for t in folios):
        errs.append("folios not dated in German: %r" % folios[:3])
    heads = [l["text"] for _, l in lines_of(rep, "running_head")]
    if not heads or not all("15. OKTOBER 2024" in t for t in heads):
        errs.append("running heads not dated in German: %r" % heads[:3])
    inside = [t for t in heads if "SEITE A2" in t]
    if not inside:
        errs.append("no running head reads 'Seite A2': %r" % heads[:3])
    ru_on = [l for _, l in lines_of(rep, "jump") if l["article"] == "ru-janet-reno" and "jump_to" in l]
    if not ru_on or any(l["text"] != "Читайте на\u00a0с.\u00a0" + l["jump_to"] for l in ru_on):
        errs.append("the issue's words do not word the Russian jump: %r" % [l["text"] for l in ru_on])
    en_on = [l for _, l in lines_of(rep, "jump") if l["article"] == "en-iodine" and "jump_to" in l]
    if not en_on or any(not l["text"].startswith("Continued on page") for l in en_on):
        errs.append("an English story's jump line is not in English: %r" % [l["text"] for l in en_on])
    # a layout's jumps.words: used where the issue gives none, the issue's first
    with open(os.path.join(ROOT, "layouts", "tabloid.yaml"), encoding="utf-8") as f:
        lay = yaml.safe_load(f)
    lay["jumps"] = {"words": {"de": {"from": "Von Seite {page}"},
                              "ru": {"on": "Не то", "from": "Начало: с.\u00a0{page}"}}}
    lpath = os.path.join(out, "words.yaml")
    with open(lpath, "w", encoding="utf-8") as f:
        yaml.safe_dump(lay, f, allow_unicode=True)
    rep, _ = render(exe, path, out, "de-words", "--allow-paths", "-l", lpath)
    jumps = [l for _, l in lines_of(rep, "jump")]
    de = [l["text"] for l in jumps if l["article"] == "de-chinesische-wikinews" and "jump_from" in l]
    if de != ["Von Seite A4"]:
        errs.append("the layout's words do not word the German continuation: %r" % de)
    ru = [l["text"] for l in jumps if l["article"] == "ru-janet-reno"]
    if not any(t.startswith("Читайте на") for t in ru) or not any(t.startswith("Начало: с.") for t in ru):
        errs.append("the issue's words should win over the layout's, the layout's fill in: %r" % ru)
    # months must be twelve
    bad = dict(lay, jumps={"words": {"fr": {"months": ["janv."] * 11}}})
    with open(lpath, "w", encoding="utf-8") as f:
        yaml.safe_dump(bad, f, allow_unicode=True)
    p = sh([exe, "check", path, "--allow-paths", "-l", lpath])
    if p.returncode != 1 or "error: 'months' must list 12 names, found 11" not in p.stderr:
        errs.append("11 months: exit %d, %r" % (p.returncode, p.stderr[-300:]))
    rep, _ = render(exe, os.path.join(CORPUS, "ru_janet_reno.yaml"), out, "ru")
    folios = [l["text"] for _, l in lines_of(rep, "folio")]
    if not folios or not all("7 ноября 2016" in t for t in folios):
        errs.append("a Russian article's folios not dated in Russian: %r" % folios[:2])
    if errs:
        raise Fail("\n  ".join(errs))
    print("dates and words in the edition's and the story's languages")


def subhead_gaps(rep):
    """(page, subhead text, empty grid lines above it) for every subhead below
    text in its column."""
    out = []
    for p in rep["pages"]:
        fr = {f["id"]: f for f in p["frames"]}
        grid = p["grid"]
        for f in p["frames"]:
            if f["kind"] != "subhead":
                continue
            col = fr[f["parent"]]
            if f["y"] - col["y"] < 0.5:
                continue  # at the column's top: no space
            above = [l["baseline"] for l in p["lines"] if l["frame"] in (col["id"],) or
                     fr[l["frame"]].get("parent") == col["id"] and l["frame"] != f["id"]]
            above = [b for b in above if b < f["y"]]
            floats = [o["y"] + o["h"] for o in p["frames"]
                      if o["kind"] in ("pullquote", "sidebar", "image") and
                      o["x"] < col["x"] + col["w"] and col["x"] < o["x"] + o["w"] and
                      o["y"] + o["h"] <= f["y"] + 0.5]
            if not above or (floats and max(floats) > max(above)):
                continue  # at the top of the column, or of its run below a float
            first = min(l["baseline"] for l in p["lines"] if l["frame"] == f["id"])
            out.append((p["label"], f["id"], round((first - max(above)) / grid) - 1))
    return out


def case_subhead_space(exe, out):
    errs = []
    src = os.path.join(CORPUS, "en_worldcup_day5.yaml")
    for space, extra in ((1, ()), (2, ("-l", "LAYOUT"))):
        args = list(extra)
        if args:
            with open(os.path.join(ROOT, "layouts", "tabloid.yaml"), encoding="utf-8") as f:
                lay = yaml.safe_load(f)
            lay["subheads"] = {"space": space}
            args[1] = os.path.join(out, "space2.yaml")
            with open(args[1], "w", encoding="utf-8") as f:
                yaml.safe_dump(lay, f, allow_unicode=True)
        rep, _ = render(exe, src, out, "space%d" % space, *args)
        gaps = subhead_gaps(rep)
        if len(gaps) < 2:
            errs.append("space %d: only %d subheads below text" % (space, len(gaps)))
        errs += ["space %d: %s %s has %d empty grid lines above" % (space, pg, sid, g)
                 for pg, sid, g in gaps if g != space]
        # and each subhead keeps at least two lines of what follows in its column
        for p in rep["pages"]:
            fr = {f["id"]: f for f in p["frames"]}
            for f in (f for f in p["frames"] if f["kind"] == "subhead"):
                bottom = f["y"] + f["h"]
                under = [l for l in p["lines"] if l["frame"] == f["parent"] and
                         bottom < l["baseline"] <= bottom + 2 * p["grid"] + 0.5]
                if len(under) < 2:
                    errs.append("space %d: %s %s keeps %d lines under it" %
                                (space, p["label"], f["id"], len(under)))
    if errs:
        raise Fail("\n  ".join(errs))
    print("subheads stand subheads.space grid lines below the text above them")


RAGGED = ("headline", "deck", "subhead", "jump_head", "caption", "pullquote")


def ragged_faults(rep):
    """Lines of ragged text broken inside a word without a hyphen, and one-word
    last lines (runts) under a line of two words or more."""
    out = []
    for p in rep["pages"]:
        blocks = {}
        for l in p["lines"]:
            if l["style"] in RAGGED:
                blocks.setdefault((l["frame"], l["style"]), []).append(l)
        for (fid, style), ls in blocks.items():
            for a, b in zip(ls, ls[1:]):
                if (a["continues"] and a["text"][-1:].isalnum() and b["text"][:1].isalnum()
                        and not a["hyphenated"]):
                    out.append("%s %s: %r / %r: cut inside a word" % (p["label"], style, a["text"], b["text"]))
            if len(ls) >= 2 and len(ls[-1]["text"].split()) == 1 and len(ls[-2]["text"].split()) >= 2:
                out.append("%s %s: runt %r" % (p["label"], style, [l["text"] for l in ls]))
    return out


def corpus_reports(exe, out, layout="tabloid"):
    for name in sorted(os.listdir(CORPUS)):
        if name.endswith(".yaml"):
            rep, _ = render(exe, os.path.join(CORPUS, name), out, name[:-5], "-l", layout)
            yield name, rep


def case_ragged(exe, out):
    rep, _ = render(exe, EDITION, out, "edition")
    errs = ["edition: " + e for e in ragged_faults(rep)]
    n = sum(1 for p in rep["pages"] for l in p["lines"] if l["style"] in RAGGED)
    for layout in ("tabloid", "broadsheet"):
        for name, rep in corpus_reports(exe, out, layout):
            errs += ["%s/%s: %s" % (layout, name, e) for e in ragged_faults(rep)]
            n += sum(1 for p in rep["pages"] for l in p["lines"] if l["style"] in RAGGED)
    if errs:
        raise Fail("\n  ".join(errs))
    print("%d lines of ragged text: no word cut without a hyphen, no runt" % n)


LONG = """id: long-word
language: %s
headline: "%s"
body:
  - "A short story under a headline with one long word."
"""


def case_long_word(exe, out):
    errs = []
    # a word wider than the measure at the headline's size: the headline shrinks
    # (within its size range) until it fits whole, no warning
    path = os.path.join(out, "shrinks.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(LONG % ("xx", "Rindfleischetikettierungsueberwachungs"))
    rep, err = render(exe, path, out, "shrinks", "-l", "magazine-a4", "--strict")
    heads = [l for _, l in lines_of(rep, "headline")]
    if [l["text"] for l in heads] != ["Rindfleischetikettierungsueberwachungs"]:
        errs.append("shrinks: headline lines %r" % [l["text"] for l in heads])
    # wider than the measure even at the smallest size, in a language without
    # a dictionary: broken inside the word, and a warning names it
    word = "Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz" * 2
    path = os.path.join(out, "breaks.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(LONG % ("xx", word))
    rep, err = render(exe, path, out, "breaks", "--strict", status=3)
    want = "warning: 'long-word': the word '%s' is wider than the headline's measure" % word
    if want not in err:
        errs.append("breaks: no warning %r in %r" % (want, err))
    if errs:
        raise Fail("\n  ".join(errs))
    print("a long word shrinks the headline, or is broken with a warning naming it")


def edition_copy(out, name, change=None, **issue_keys):
    """The example edition with its files' paths made absolute (render it with
    --allow-paths), changed by change(issue) when given."""
    with open(EDITION, encoding="utf-8") as f:
        issue = yaml.safe_load(f)
    base = os.path.dirname(EDITION)
    for page in issue["issue"]["pages"]:
        for st in page.get("stories", []):
            st["article"] = os.path.join(base, st["article"])
        for ad in page.get("ads", []):
            if "image" in ad:
                ad["image"] = os.path.join(base, ad["image"])
    issue["issue"].update(issue_keys)
    if change:
        change(issue["issue"])
    path = os.path.join(out, name + ".yaml")
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(issue, f, allow_unicode=True)
    return path


def turn_faults(rep, jumps_only):
    """Hyphenated lines a reader must carry over a jump line (the last body line
    above it in its column) or a page turn (a page's last body line of a story
    that goes on overleaf)."""
    out = []
    pages = rep["pages"]
    for i, p in enumerate(pages):
        fr = {f["id"]: f for f in p["frames"]}
        body = [l for l in p["lines"] if l["style"].startswith("body") and l["article"]]
        for j in (l for l in p["lines"] if "jump_to" in l):
            col = [l for l in body if l["article"] == j["article"] and
                   abs(fr[l["frame"]]["x"] - j["x"]) < 1 and l["baseline"] < j["baseline"]]
            if col:
                last = max(col, key=lambda l: l["baseline"])
                if last["hyphenated"]:
                    out.append("%s: %r before %r" % (p["label"], last["text"], j["text"]))
        if jumps_only or i + 1 == len(pages) or not body:
            continue
        last = max(body, key=lambda l: (fr[l["frame"]]["x"], l["baseline"]))
        if last["hyphenated"]:
            out.append("%s: %r at the page turn" % (p["label"], last["text"]))
    return out


def case_jump_hyphen(exe, out):
    rep, _ = render(exe, EDITION, out, "edition")
    errs = ["edition " + e for e in turn_faults(rep, True)]
    n = sum(1 for p in rep["pages"] for l in p["lines"] if "jump_to" in l)
    for layout in ("tabloid", "broadsheet", "magazine-a4"):
        for name, rep in corpus_reports(exe, out, layout):
            errs += ["%s/%s %s" % (layout, name, e) for e in turn_faults(rep, False)]
            n += len(rep["pages"]) - 1
    if errs:
        raise Fail("\n  ".join(errs))
    print("%d jumps and page turns, none after a hyphen" % n)


def case_jump_lines(exe, out):
    # the German story's module on A4 made 17 lines deep: two lines in column 4,
    # then its jump line, and column 5 empty
    def shallow(issue):
        for page in issue["pages"]:
            for st in page.get("stories", []):
                if "chinesische" in st["article"]:
                    st["depth"] = 17
    path = edition_copy(out, "shallow", shallow)
    _, err = render(exe, path, out, "shallow", "--allow-paths", "--strict", status=3)
    want = ["warning: de-chinesische-wikinews: 2 lines in column 4 on page A4 before its jump "
            "to page B3, fewer than the 3 the layout asks for (jumps.min_lines)",
            "warning: de-chinesische-wikinews: column 5 of its module on page A4 is empty"]
    errs = ["no %r" % w for w in want if w not in err]
    # the example edition as it stands holds to both rules
    _, err = render(exe, EDITION, out, "edition")
    errs += ["the edition: %r" % l for l in err.splitlines()
             if "jumps.min_lines" in l or "is empty" in l]
    if errs:
        raise Fail("\n  ".join(errs))
    print("a thin part before a jump and an empty column are warned about")


def quote_faults(rep, below=3, share=1 / 3):
    """Pull-quotes with fewer than `below` lines of their story under them in a
    column they span (on the page, in the module), and pages where a story's
    quotes take more than `share` of its columns' area."""
    out = []
    for p in rep["pages"]:
        fr = p["frames"]
        for a in {f.get("article") for f in fr if f["kind"] == "pullquote"}:
            cols = [f for f in fr if f["kind"] == "column" and f.get("article") == a]
            quotes = [f for f in fr if f["kind"] == "pullquote" and f.get("article") == a]
            area = sum(c["w"] * c["h"] for c in cols)
            if area and sum(q["w"] * q["h"] for q in quotes) > share * area * 1.1:
                out.append("%s %s: quotes take %.0f%% of the area" %
                           (p["label"], a, 100 * sum(q["w"] * q["h"] for q in quotes) / area))
            for q in quotes:
                for c in cols:
                    if c["x"] + c["w"] <= q["x"] or c["x"] >= q["x"] + q["w"]:
                        continue
                    if not c["y"] <= q["y"] < c["y"] + c["h"]:
                        continue
                    n = sum(1 for l in p["lines"] if l["frame"] == c["id"] and
                            l["style"].startswith("body") and l["baseline"] > q["y"] + q["h"])
                    if n < below:
                        out.append("%s %s: %s has %d lines under it in %s" %
                                   (p["label"], a, q["id"], n, c["id"]))
    return out


def case_pullquotes(exe, out):
    rep, err = render(exe, EDITION, out, "edition")
    errs = ["edition " + e for e in quote_faults(rep)]
    n = sum(1 for p in rep["pages"] for f in p["frames"] if f["kind"] == "pullquote")
    for layout in ("tabloid", "broadsheet"):
        for name, rep in corpus_reports(exe, out, layout):
            errs += ["%s/%s %s" % (layout, name, e) for e in quote_faults(rep)]
            n += sum(1 for p in rep["pages"] for f in p["frames"] if f["kind"] == "pullquote")
    if n < 8:
        errs.append("only %d pull-quotes set" % n)
    if errs:
        raise Fail("\n  ".join(errs))
    print("%d pull-quotes, each with 3 lines under it, within a third of the area" % n)


CASES = {"jump_words": case_jump_words, "dates": case_dates, "subhead_space": case_subhead_space,
         "ragged": case_ragged, "long_word": case_long_word, "jump_hyphen": case_jump_hyphen,
         "jump_lines": case_jump_lines, "pullquotes": case_pullquotes}


def main(argv):
    if len(argv) == 2 and argv[1] == "--list":
        print("\n".join(CASES))
        return 0
    if len(argv) != 3 or argv[2] not in CASES:
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as out:
        try:
            CASES[argv[2]](os.path.abspath(argv[1]), out)
        except Fail as e:
            print("FAIL: " + str(e))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
