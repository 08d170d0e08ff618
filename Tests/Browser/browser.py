"""Headless Chromium for the browser tests, plus a static server for a built site."""
import contextlib
import functools
import http.server
import os
import socketserver
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def text_at(driver, selector):
    """The rendered text of the first element matching `selector`, or None, read in one
    script call: pages that re-render a region between a lookup and a read cannot make
    the read fail on a stale element."""
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null;", selector)


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


class Firefox:
    """Debian's firefox-esr, headless, driven over Marionette. `remote.prefs.recommended` is
    off so that file:// pages behave as they do for users (each page its own origin)."""

    def __init__(self, width=1280, height=900):
        import shutil
        import socket
        import subprocess
        import tempfile
        from marionette_driver.marionette import Marionette
        self._shutil = shutil
        self.profile = tempfile.mkdtemp(prefix="lectern-firefox-")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        with open(os.path.join(self.profile, "user.js"), "w") as prefs:
            prefs.write('user_pref("remote.prefs.recommended", false);\nuser_pref("marionette.port", %d);\n' % port)
        self.process = subprocess.Popen(["firefox-esr", "--headless", "--marionette", "--no-remote", "--profile",
                                         self.profile, "--window-size=%d,%d" % (width, height)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self.client = Marionette(host="127.0.0.1", port=port, startup_timeout=60)
            self.client.start_session()
        except Exception:
            self.quit()
            raise

    def get(self, url):
        self.client.navigate(url)

    def execute_script(self, script, *args):
        # Without a sandbox the script sees what the page's own scripts define (window.LecternStore).
        return self.client.execute_script(script, script_args=list(args), sandbox=None)

    def type_into(self, css, text):
        """Types `text` into the element at `css` as keystrokes (WebDriver key codes allowed)."""
        self.client.find_element("css selector", css).send_keys(text)

    def click(self, css):
        self.client.find_element("css selector", css).click()

    def quit(self):
        try:
            if getattr(self, "client", None) and self.client.session_id:
                self.client.delete_session()
        except Exception:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except Exception:
            self.process.kill()
        self._shutil.rmtree(self.profile, ignore_errors=True)


def firefox(width=1280, height=900):
    return Firefox(width, height)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    csp = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'"

    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()


@contextlib.contextmanager
def serve(directory, prefix="/course/", csp=QuietHandler.csp):
    """Serves `directory` under `prefix` on a free loopback port, with `csp` as the
    Content-Security-Policy header (none when empty); yields the base URL. The sub-path is a
    link in a temporary folder that goes when serving ends."""
    import shutil
    import tempfile
    parent = tempfile.mkdtemp(prefix="lectern-served-")
    target = os.path.join(parent, prefix.strip("/"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    os.symlink(os.path.abspath(str(directory)), target)
    handler = functools.partial(type("Handler", (QuietHandler,), {"csp": csp}), directory=parent)
    socketserver.TCPServer.allow_reuse_address = True
    # A browser keeps idle connections open; closing the server must not wait for them.
    server_class = type("Server", (socketserver.ThreadingTCPServer,), {"daemon_threads": True, "block_on_close": False})
    with server_class(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield "http://127.0.0.1:%d%s" % (server.server_address[1], prefix)
        finally:
            server.shutdown()
            shutil.rmtree(parent, ignore_errors=True)
