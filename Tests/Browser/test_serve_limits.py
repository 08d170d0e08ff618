"""`lectern serve` under hostile clients and beside other writers: bounded request heads,
timeouts, many connections, a locked output folder."""
import re
import select
import socket
import subprocess
import threading
import time

from test_serve import raw_get, server  # noqa: F401  (the fixture is shared)


def connect(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    return sock


def read_all(sock):
    """Everything the server sends until it closes the connection."""
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def status_of(reply):
    return int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/1.1 ") else None


def exchange(port, data):
    with connect(port) as sock:
        sock.sendall(data)
        return read_all(sock)


def test_an_overlong_request_line_is_refused_before_it_ends(server):
    _, port = server
    with connect(port) as sock:
        # The line never ends: the answer must come from the limit, not from the end of the line.
        sock.sendall(b"GET /" + b"a" * 65536)
        reply = read_all(sock)
    assert status_of(reply) == 414, reply[:200]
    assert status_of(exchange(port, b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n")) == 414
    assert status_of(exchange(port, b"GET /" + b"a" * 7000 + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) == 404


def test_overlong_or_too_many_header_fields_are_refused(server):
    _, port = server
    head = b"GET /one/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
    assert status_of(exchange(port, head + b"X-Long: " + b"v" * 9000 + b"\r\n\r\n")) == 431
    assert status_of(exchange(port, head + b"".join(b"X-%d: v\r\n" % n for n in range(101)) + b"\r\n")) == 431
    assert status_of(exchange(port, head + b"".join(b"X-%d: %s\r\n" % (n, b"v" * 1000) for n in range(40)) + b"\r\n")) == 431
    within = exchange(port, head + b"".join(b"X-%d: %s\r\n" % (n, b"v" * 250) for n in range(90)) + b"\r\n")
    assert status_of(within) == 200 and b"First version." in within
    with connect(port) as sock:
        sock.sendall(head + b"X-Endless: " + b"v" * 65536)
        assert status_of(read_all(sock)) == 431


def test_malformed_requests_get_400_and_other_versions_505(server):
    _, port = server
    for request in [b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET /one/ HTTP/1.1\r\nNo colon here\r\n\r\n",
                    b"GET one HTTP/1.1\r\n\r\n", b"GET /a b HTTP/1.1\r\n\r\n", b"GET /one/ FTP/1.0\r\n\r\n"]:
        assert status_of(exchange(port, request)) == 400, request
    assert status_of(exchange(port, b"GET /one/ HTTP/2.0\r\n\r\n")) == 505


def test_requests_on_one_connection_are_answered_in_order(server):
    _, port = server
    pipelined = (b"GET /one/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                 b"HEAD /one/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                 b"GET /nowhere/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    reply = exchange(port, pipelined)
    statuses = [int(code) for code in re.findall(rb"HTTP/1\.1 (\d{3}) ", reply)]
    assert statuses == [200, 200, 404]
    assert reply.count(b"First version.") == 1


def test_a_request_with_a_body_is_answered_and_the_connection_closed(server):
    _, port = server
    reply = exchange(port, b"GET /one/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello"
                           b"GET /one/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert status_of(reply) == 200 and reply.count(b"HTTP/1.1 ") == 1
    assert b"Connection: close" in reply


def test_slow_clients_time_out_without_holding_up_others(server):
    _, port = server
    results = {}

    def trickle():
        with connect(port) as sock:
            sock.sendall(b"GET /one/ HTTP/1.1\r\n")
            started = time.monotonic()
            for n in range(40):
                sock.sendall(b"X-%d: v\r\n" % n)
                if select.select([sock], [], [], 0.5)[0]:
                    break  # the server answered; read it before sending more
            results["reply"] = read_all(sock)
            results["seconds"] = time.monotonic() - started

    def idle():
        with connect(port) as sock:
            started = time.monotonic()
            results["idle"] = read_all(sock)
            results["idle seconds"] = time.monotonic() - started

    threads = [threading.Thread(target=trickle), threading.Thread(target=idle)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    for _ in range(5):
        status, _, body = raw_get(port, "/one/")
        assert status == 200 and "First version." in body
    for thread in threads:
        thread.join(60)
    assert status_of(results["reply"]) == 408
    assert results["seconds"] < 19
    assert results["idle"] == b"" and results["idle seconds"] < 15


def test_a_kept_alive_connection_is_closed_when_idle(server):
    _, port = server
    with connect(port) as sock:
        sock.sendall(b"GET /one/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
        first = sock.recv(65536)
        assert status_of(first) == 200
        started = time.monotonic()
        rest = read_all(sock)
        assert time.monotonic() - started < 15
    assert b"HTTP/1.1" not in rest


def test_connections_beyond_the_limit_are_refused_and_the_rest_keep_working(server):
    _, port = server
    held = [connect(port) for _ in range(256)]
    try:
        time.sleep(0.5)
        refused = exchange(port, b"GET /one/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert status_of(refused) == 503
    finally:
        for sock in held:
            sock.close()
    time.sleep(0.5)
    status, _, body = raw_get(port, "/one/")
    assert status == 200 and "First version." in body


def test_a_build_or_second_preview_into_the_served_folder_is_refused_at_once(lectern, server):
    course, port = server
    before = sorted(p.relative_to(course) for p in (course / "Public").rglob("*"))
    for command in (["build", str(course)], ["serve", str(course), "--port", str(port + 1)]):
        started = time.monotonic()
        result = subprocess.run([lectern, *command], capture_output=True, text=True, timeout=60)
        assert result.returncode == 75, (command, result.stderr)
        assert "lectern serve (process" in result.stderr and "--output" in result.stderr
        assert time.monotonic() - started < 30
    assert sorted(p.relative_to(course) for p in (course / "Public").rglob("*")) == before
    status, _, body = raw_get(port, "/one/")
    assert status == 200 and "First version." in body
    elsewhere = subprocess.run([lectern, "build", str(course), "--output", str(course / "Elsewhere")],
                               capture_output=True, text=True, timeout=60)
    assert elsewhere.returncode == 0, elsewhere.stderr
