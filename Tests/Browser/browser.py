"""Headless Chromium for the browser tests, plus a static server for a built site."""
import contextlib
import functools
import http.server
import os
import socketserver
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def chrome(width=1280, height=900, dark=False, downloads=None):
    options = webdriver.ChromeOptions()
    if downloads:
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--allow-file-access-from-files")
    options.add_argument("--window-size=%d,%d" % (width, height))
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if dark:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    return driver


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    csp = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'"

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()


@contextlib.contextmanager
def serve(directory, prefix="/course/"):
    """Serves `directory` under `prefix` on a free loopback port; yields the base URL."""
    parent = os.path.join(str(directory), "..", "_served")
    os.makedirs(parent, exist_ok=True)
    target = os.path.join(parent, prefix.strip("/"))
    if os.path.islink(target):
        os.unlink(target)
    os.symlink(os.path.abspath(str(directory)), target)
    handler = functools.partial(QuietHandler, directory=parent)
    socketserver.TCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield "http://127.0.0.1:%d%s" % (server.server_address[1], prefix)
        finally:
            server.shutdown()
