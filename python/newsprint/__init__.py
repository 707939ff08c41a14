"""newsprint - newspaper pages from YAML, through the newsprint library.

    import newsprint
    pdf = newsprint.render("story.yaml")                        # bytes
    pages = newsprint.render("edition.yaml", output="png")      # [bytes, ...] a page each
    report = newsprint.report("story.yaml", layout="broadsheet")   # dict (docs/report.md)
    result = newsprint.check("edition.yaml")     # .diagnostics, .copyfit

A source is a path (str or os.PathLike) to an article or an edition YAML, or an
article's YAML text (a str holding a line break, or bytes). Options are the
command line's long names with '_' for '-': dpi=72, debug=True, strict=True,
pdfx="x1a", max_pages=2, fonts="/path", allow_paths=True ... (docs/cli.md).
Errors raise newsprint.Error, whose .diagnostics are Diagnostic objects (file,
line, column, severity, message, and code, story, page, overset_lines,
overset_words where known). The library is loaded from $NEWSPRINT_LIBRARY when
set, else the installed libnewsprint.so.0 (docs/python.md).
"""
import ctypes
import json
import os

from . import _lib

__all__ = ["render", "report", "check", "Job", "Error", "Diagnostic", "Copyfit", "Check",
           "version", "layouts"]

FORMATS = ("pdf", "png", "svg")


class Diagnostic:
    """One error, warning or note, as the command line prints it:
    FILE:LINE:COLUMN: SEVERITY: MESSAGE. Unknown numbers are None."""

    __slots__ = ("file", "line", "column", "severity", "message", "code", "story", "page",
                 "overset_lines", "overset_words")

    def __init__(self, file=None, line=None, column=None, severity="error", message="",
                 code=None, story=None, page=None, overset_lines=None, overset_words=None):
        self.file, self.line, self.column = file, line, column
        self.severity, self.message, self.code = severity, message, code
        self.story, self.page = story, page
        self.overset_lines, self.overset_words = overset_lines, overset_words

    def __str__(self):
        if self.file and self.line:
            return "%s:%d:%d: %s: %s" % (self.file, self.line, self.column or 0, self.severity,
                                         self.message)
        if self.file:
            return "%s: %s: %s" % (self.file, self.severity, self.message)
        return "%s: %s" % (self.severity, self.message)

    def __repr__(self):
        return "Diagnostic(%r)" % str(self)

    def as_dict(self):
        return {k: getattr(self, k) for k in self.__slots__}


class Error(Exception):
    """newsprint refused the input or could not write: .diagnostics says why
    (the warnings found before are there too), .exit_status is the command
    line's (1 bad input, 2 bad usage)."""

    def __init__(self, diagnostics, exit_status=1):
        self.diagnostics = list(diagnostics)
        self.exit_status = exit_status
        errors = [d for d in self.diagnostics if d.severity == "error"] or self.diagnostics
        super().__init__("\n".join(str(d) for d in errors) or "newsprint failed")


class Copyfit:
    """One story's row of the copyfit table: how it fits its modules."""

    __slots__ = ("story", "pages", "lines", "overset_lines", "overset_words", "empty_lines",
                 "ends_on")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))

    @property
    def fits(self):
        return not self.overset_lines and not self.overset_words

    def as_dict(self):
        d = {k: getattr(self, k) for k in self.__slots__}
        d["fits"] = self.fits
        return d

    def __repr__(self):
        return "Copyfit(%r)" % self.as_dict()


class Check:
    """What check() found: the diagnostics (warnings, notes) and the copyfit table."""

    def __init__(self, diagnostics, copyfit):
        self.diagnostics = diagnostics
        self.copyfit = copyfit

    @property
    def warnings(self):
        return [d for d in self.diagnostics if d.severity == "warning"]

    def __repr__(self):
        return "Check(%d diagnostics, %d stories)" % (len(self.diagnostics), len(self.copyfit))


def version():
    """The library's version, "0.1.0"."""
    return _lib.text(_lib.lib().np_version())


class _Engine:
    """The library's engine over its data (layouts, fonts): one for the
    process, made on first use (an engine may be shared by threads)."""

    ptr = None

    @classmethod
    def get(cls):
        if cls.ptr is None:
            p = _lib.lib().np_engine_new(None)
            if not p:
                raise MemoryError("newsprint: cannot make an engine")
            cls.ptr = p
        return cls.ptr


def layouts():
    """The bundled layouts' names."""
    s = _lib.take_string(_lib.lib().np_engine_layouts(_Engine.get()))
    return s.split() if s else []


def _option_value(value):
    if value is True:
        return None  # a flag
    if value is False:
        return "no"
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return str(value)


def _is_text(source):
    return isinstance(source, bytes) or (isinstance(source, str) and "\n" in source)


class Job:
    """One run of the engine over a source, with options; the functions
    render(), report() and check() are made of it. A job runs once.

        with newsprint.Job("edition.yaml", layout="tabloid", dpi=72) as job:
            pages = job.render("png")
            print(job.report()["articles"], job.diagnostics)
    """

    def __init__(self, source, layout=None, name=None, **options):
        lib = _lib.lib()
        engine = _Engine.get()
        if _is_text(source):
            data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
            self._p = lib.np_job_open_memory(engine, (name or "<string>").encode("utf-8"),
                                             data, len(data))
        else:
            self._p = lib.np_job_open(engine, os.fsencode(source))
        if not self._p:
            raise MemoryError("newsprint: cannot open a job")
        if layout is not None:
            options["layout"] = layout
        for key, value in options.items():
            if value is None:
                continue
            v = _option_value(value)
            if lib.np_job_set_option(self._p, key.replace("_", "-").encode("utf-8"),
                                     v.encode("utf-8") if v is not None else None) < 0:
                raise Error(self.diagnostics, 2)

    def close(self):
        if getattr(self, "_p", None):
            _lib.lib().np_job_free(self._p)
            self._p = None

    __del__ = close

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def diagnostics(self):
        lib = _lib.lib()
        out = []
        for i in range(lib.np_job_diagnostic_count(self._p)):
            d = _lib.Diagnostic_c()
            if lib.np_job_diagnostic_get(self._p, i, ctypes.byref(d)) < 0:
                continue
            t = _lib.text
            out.append(Diagnostic(
                file=t(d.file), line=d.line or None, column=d.column or None,
                severity=t(d.severity), message=t(d.message), code=t(d.code),
                story=t(d.story), page=d.page if d.page >= 0 else None,
                overset_lines=d.overset_lines if d.overset_lines >= 0 else None,
                overset_words=d.overset_words if d.overset_words >= 0 else None))
        return out

    @property
    def exit_status(self):
        return _lib.lib().np_job_exit_status(self._p)

    @property
    def page_count(self):
        return _lib.lib().np_job_page_count(self._p)

    @property
    def copyfit(self):
        lib = _lib.lib()
        rows = []
        for i in range(lib.np_job_copyfit_count(self._p)):
            c = _lib.Copyfit_c()
            if lib.np_job_copyfit(self._p, i, ctypes.byref(c)) == 0:
                rows.append(Copyfit(story=_lib.text(c.story), pages=c.pages, lines=c.lines,
                                    overset_lines=c.overset_lines,
                                    overset_words=c.overset_words,
                                    empty_lines=c.empty_lines, ends_on=_lib.text(c.ends_on)))
        return rows

    def _fail(self):
        raise Error(self.diagnostics, self.exit_status or 1)

    def render(self, output="pdf"):
        """PDF: bytes (every page); PNG, SVG: a list of bytes, a page each."""
        if output not in FORMATS:
            raise ValueError("output must be one of %s, not %r" % (", ".join(FORMATS), output))
        lib = _lib.lib()
        fmt = output.encode("ascii")
        if output == "pdf":
            data, n = ctypes.c_void_p(), ctypes.c_size_t()
            if lib.np_job_render_memory(self._p, fmt, ctypes.byref(data), ctypes.byref(n)) < 0:
                self._fail()
            return _lib.take_bytes(data.value, n.value)
        return [data for _, data in self.render_pages(output)]

    def render_pages(self, output="pdf"):
        """[(page number, bytes)], a page each, in page order: PNG, SVG, or a
        one-page PDF a page."""
        if output not in FORMATS:
            raise ValueError("output must be one of %s, not %r" % (", ".join(FORMATS), output))
        lib = _lib.lib()
        fmt = output.encode("ascii")
        pages, n = ctypes.POINTER(_lib.Buffer_c)(), ctypes.c_size_t()
        if lib.np_job_render_pages_memory(self._p, fmt, ctypes.byref(pages), ctypes.byref(n)) < 0:
            self._fail()
        try:
            return [(pages[i].page, ctypes.string_at(pages[i].data, pages[i].len))
                    for i in range(n.value)]
        finally:
            lib.np_buffers_free(pages, n)

    def report(self):
        """The layout report of the render (docs/report.md), a dict."""
        s = _lib.take_string(_lib.lib().np_job_report_json(self._p))
        return json.loads(s) if s else None

    def check(self):
        """Parses and validates (an edition is laid out for its copyfit table)."""
        if _lib.lib().np_job_check(self._p) < 0:
            self._fail()
        return Check(self.diagnostics, self.copyfit)


def render(source, layout=None, output="pdf", pages=None, **options):
    """Sets source on the layout's pages (layout: a bundled layout's name or a
    layout YAML's path; None: an edition's own, else tabloid) and returns the
    PDF's bytes, or for output "png" or "svg" a list of bytes, a page each.
    pages: "2-5", "1,3", 3 or [1, 3] (the layout still runs from page 1)."""
    with Job(source, layout=layout, pages=pages, **options) as job:
        return job.render(output)


def report(source, layout=None, pages=None, **options):
    """The layout report (docs/report.md) of a render, as a dict: pages,
    frames, lines, articles and their figures, warnings."""
    with Job(source, layout=layout, pages=pages, **options) as job:
        job.render("pdf")
        return job.report()


def check(source, layout=None, **options):
    """Parses and validates without writing; returns a Check: its diagnostics
    (warnings) and its copyfit table (per story: lines set, overset lines and
    words, empty lines, the page it ends on, fits). Errors raise Error."""
    with Job(source, layout=layout, **options) as job:
        return job.check()
