#!/usr/bin/env python3
"""A release feed on the host's loopback for test-update.sh: serves the files of DIR (a symlink
the test re-points to publish another feed; it is resolved again on every request) on
127.0.0.1:PORT, which the QEMU guest reaches as 10.0.2.2:PORT. Every request is logged, one line
each. While the file THROTTLE exists, bodies are sent at the bytes/second it holds, so a test can
catch an install in the middle of its download.

usage: feed-server.py DIR PORT LOG THROTTLE
"""
import http.server
import os
import sys
import time

ROOT, PORT, LOG, THROTTLE = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]


def throttle_rate():
    try:
        with open(THROTTLE) as f:
            return max(1024, int(f.read().strip() or "0"))
    except (FileNotFoundError, ValueError):
        return None


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=ROOT, **kwargs)

    def copyfile(self, source, outputfile):
        rate = throttle_rate()
        if rate is None:
            return super().copyfile(source, outputfile)
        chunk = max(1024, rate // 10)
        while True:
            data = source.read(chunk)
            if not data:
                return
            outputfile.write(data)
            time.sleep(len(data) / rate)

    def log_message(self, fmt, *args):
        with open(LOG, "a") as log:
            log.write("%.0f %s %s\n" % (time.time(), self.address_string(), fmt % args))


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that goes away mid-body (the VM killed during a download) is what the test
        # does on purpose: one log line, not a traceback.
        err = sys.exc_info()[1]
        if isinstance(err, (ConnectionResetError, BrokenPipeError)):
            with open(LOG, "a") as log:
                log.write("%.0f %s connection closed by the client: %s\n" % (time.time(), client_address[0], err))
            return
        super().handle_error(request, client_address)


if __name__ == "__main__":
    os.makedirs(os.path.dirname(LOG) or ".", exist_ok=True)
    Server(("127.0.0.1", PORT), Handler).serve_forever()
