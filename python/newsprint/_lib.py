"""_lib.py - the shared library and the C declarations of newsprint.h that the
package uses, through ctypes.

The library is the one named by the environment variable NEWSPRINT_LIBRARY (a
path to libnewsprint.so...) when it is set, else the installed one
(libnewsprint.so.0, found the way the system finds libraries). It is loaded
on first use, so that importing the package never fails.
"""
import ctypes
import ctypes.util
import os
import threading

from ctypes import (POINTER, Structure, c_char_p, c_int, c_size_t, c_ubyte, c_void_p)

SONAME = "libnewsprint.so.0"


class Diagnostic_c(Structure):
    _fields_ = [("file", c_char_p), ("line", c_int), ("column", c_int),
                ("severity", c_char_p), ("code", c_char_p), ("message", c_char_p),
                ("story", c_char_p), ("page", c_int), ("overset_lines", c_int),
                ("overset_words", c_int)]


class Copyfit_c(Structure):
    _fields_ = [("story", c_char_p), ("pages", c_size_t), ("lines", c_int),
                ("overset_lines", c_int), ("overset_words", c_int), ("empty_lines", c_int),
                ("ends_on", c_char_p)]


class Buffer_c(Structure):
    _fields_ = [("data", POINTER(c_ubyte)), ("len", c_size_t), ("page", c_int)]


# name: (result type, argument types)
_PROTOTYPES = {
    "np_version": (c_char_p, []),
    "np_free": (None, [c_void_p]),
    "np_engine_new": (c_void_p, [c_char_p]),
    "np_engine_free": (None, [c_void_p]),
    "np_engine_data_dir": (c_char_p, [c_void_p]),
    "np_engine_layouts": (c_void_p, [c_void_p]),
    "np_job_open": (c_void_p, [c_void_p, c_char_p]),
    "np_job_open_memory": (c_void_p, [c_void_p, c_char_p, c_char_p, c_size_t]),
    "np_job_free": (None, [c_void_p]),
    "np_job_set_option": (c_int, [c_void_p, c_char_p, c_char_p]),
    "np_job_kind": (c_int, [c_void_p]),
    "np_job_render_file": (c_int, [c_void_p, c_char_p]),
    "np_job_render_memory": (c_int, [c_void_p, c_char_p, POINTER(c_void_p),
                                     POINTER(c_size_t)]),
    "np_job_render_pages_memory": (c_int, [c_void_p, c_char_p, POINTER(POINTER(Buffer_c)),
                                           POINTER(c_size_t)]),
    "np_buffers_free": (None, [POINTER(Buffer_c), c_size_t]),
    "np_job_check": (c_int, [c_void_p]),
    "np_job_report_json": (c_void_p, [c_void_p]),
    "np_job_diagnostic_count": (c_size_t, [c_void_p]),
    "np_job_diagnostic_get": (c_int, [c_void_p, c_size_t, POINTER(Diagnostic_c)]),
    "np_job_exit_status": (c_int, [c_void_p]),
    "np_job_page_count": (c_size_t, [c_void_p]),
    "np_job_copyfit_count": (c_size_t, [c_void_p]),
    "np_job_copyfit": (c_int, [c_void_p, c_size_t, POINTER(Copyfit_c)]),
}

_lock = threading.Lock()
_lib = None


def library_path():
    """The library to load: $NEWSPRINT_LIBRARY, else the installed one."""
    env = os.environ.get("NEWSPRINT_LIBRARY")
    if env:
        return env
    return ctypes.util.find_library("newsprint") or SONAME


def lib():
    """The loaded library, its functions declared (loaded once)."""
    global _lib
    with _lock:
        if _lib is None:
            path = library_path()
            try:
                handle = ctypes.CDLL(path)
            except OSError as e:
                raise OSError("newsprint: cannot load the library %r (set NEWSPRINT_LIBRARY to "
                              "the path of libnewsprint.so): %s" % (path, e)) from None
            for name, (res, args) in _PROTOTYPES.items():
                fn = getattr(handle, name)
                fn.restype = res
                fn.argtypes = args
            _lib = handle
        return _lib


def take_string(ptr):
    """A malloc'd C string from the library as str, freed."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        lib().np_free(ptr)


def take_bytes(ptr, n):
    """malloc'd bytes from the library, copied and freed."""
    try:
        return ctypes.string_at(ptr, n) if n else b""
    finally:
        lib().np_free(ptr)


def text(b):
    return b.decode("utf-8", "replace") if b is not None else None
