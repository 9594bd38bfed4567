#!/usr/bin/env python3
"""A quiet static file server for tests and the benchmark.

Serves DIR the way a wiki's web server would: plain files, `.wasm` as
application/wasm, and a Content-Security-Policy that says which pages may
frame the widget (`frame-ancestors 'self'` unless told otherwise), so its
Delete and Replace buttons cannot be clickjacked from another site.
Options add what the embedding tests need: a sub-path prefix, a full
policy, and extra folders (a test host page). Only binds to loopback.
"""
import argparse
import functools
import http.server
import posixpath
import sys
import urllib.parse


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
    }

    def __init__(self, *args, prefix="/", csp=None, mounts=None, **kwargs):
        self.prefix = prefix
        self.csp = csp
        self.mounts = mounts or {}
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        clean = urllib.parse.urlsplit(path).path
        for mount, folder in self.mounts.items():
            if clean.startswith(mount):
                rest = clean[len(mount):]
                return posixpath.join(folder, posixpath.normpath("/" + rest).lstrip("/"))
        if self.prefix != "/":
            if not clean.startswith(self.prefix):
                return "/nonexistent"
            path = "/" + clean[len(self.prefix):]
        return super().translate_path(path)

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # quiet: tests print their own results
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=4173)
    parser.add_argument("--dir", default="dist")
    parser.add_argument("--prefix", default="/", help="serve DIR under this sub-path, e.g. /wiki/tools/")
    parser.add_argument("--csp", default="frame-ancestors 'self'",
                        help="Content-Security-Policy header for every response (default: frame-ancestors 'self')")
    parser.add_argument("--mount", action="append", default=[], metavar="PATH=DIR",
                        help="serve another folder at PATH (e.g. /host/=tests/e2e/host)")
    args = parser.parse_args()
    mounts = dict(item.split("=", 1) for item in args.mount)
    handler = functools.partial(Handler, directory=args.dir, prefix=args.prefix, csp=args.csp, mounts=mounts)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"serving {args.dir} at http://127.0.0.1:{args.port}{args.prefix}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
