"""pytest fixtures: emulators started through the emulator's control API, one pyTigerGraph
connection per (version, RESTPP auth, port layout), and the method-coverage count."""
import asyncio
import inspect
import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTG = Path(os.environ.get("PYTIGERGRAPH_PATH", ROOT.parent / "shared" / "vendor" / "pyTigerGraph-2.0.2"))
sys.path.insert(0, str(PYTG))
sys.path.insert(0, str(HERE))

import pyTigerGraph  # noqa: E402  (path set above)
import coverage_count  # noqa: E402

coverage_count.install(pyTigerGraph.TigerGraphConnection, pyTigerGraph.AsyncTigerGraphConnection, HERE)

NODE = os.environ.get("TGRAPH_NODE", str(ROOT / "node_modules" / ".bin" / "node"))
BIN = ROOT / "packages" / "emulator" / "dist" / "bin.js"
SETUP = HERE / "setup.gsql"

# (version, RESTPP auth, layout): "restpp" = RESTPP on its own port (9000), "nginx" = one port (14240).
# Each with the sync client (requests) and the async one (aiohttp/httpx).
CONFIGS = [(v, a, l, k) for v in ("3.10", "4.2") for a in (False, True) for l in ("restpp", "nginx")
           for k in ("sync", "async")]


def _ids(c):
    return f"{c[0]}-auth_{'on' if c[1] else 'off'}-{c[2]}-{c[3]}"


class Control:
    """The control API of one `tgraph-emulator --control` process."""

    def __init__(self, url):
        self.url = url

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as res:
            text = res.read().decode()
            return json.loads(text) if text else None

    def create(self, **options):
        return self.call("POST", "/emulators", options)

    def gsql(self, emu, text):
        return self.call("POST", f"/emulators/{emu['id']}/gsql", {"text": text})["output"]

    def destroy(self, emu):
        self.call("DELETE", f"/emulators/{emu['id']}")


@pytest.fixture(scope="session")
def control():
    if not BIN.exists():
        pytest.fail(f"{BIN} is missing: run `pnpm --filter @tgraph/emulator build` first")
    # Its own process group: node_modules/.bin/node is a shell wrapper around the real node.
    proc = subprocess.Popen([NODE, str(BIN), "--control"], stdout=subprocess.PIPE,
                            start_new_session=True, text=True)
    try:
        line = proc.stdout.readline()
        if "control API:" not in line:
            pytest.fail(f"the emulator did not start: {line!r}")
        yield Control(line.rsplit(" ", 1)[1].strip())
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


class Server:
    def __init__(self, control, desc, version, auth, layout, kind):
        self.control, self.desc = control, desc
        self.version, self.auth, self.layout, self.kind = version, auth, layout, kind
        self.v4 = version.startswith("4")
        self.loop = asyncio.new_event_loop() if kind == "async" else None

    def gsql(self, text):
        return self.control.gsql(self.desc, text)

    def ports(self):
        gs = self.desc["gsPort"]
        return {"restppPort": gs if self.layout == "nginx" else self.desc["restppPort"], "gsPort": gs}


@pytest.fixture(scope="module", params=CONFIGS, ids=_ids)
def server(request, control):
    srv = Server(control, control.create(version=request.param[0], auth=request.param[1]), *request.param)
    yield srv
    control.destroy(srv.desc)
    if srv.loop:
        srv.loop.close()


class Client:
    """One pyTigerGraph connection; calls to coroutine methods are run to completion, so one test
    body drives TigerGraphConnection and AsyncTigerGraphConnection alike."""

    def __init__(self, server, graph="", **extra):
        self._gs = None
        cls = pyTigerGraph.AsyncTigerGraphConnection if server.kind == "async" else pyTigerGraph.TigerGraphConnection
        self.server = server
        self.conn = cls(host="http://127.0.0.1", graphname=graph, username="tigergraph",
                        password="tigergraph", **server.ports(), **extra)

    @property
    def gs(self):
        """The connection for GSQL-server calls: this one, or (3.x with RESTPP auth) a second,
        password-only one (see setup_graph)."""
        return self._gs or self

    def release(self):
        """Closes the HTTP sessions (aiohttp's ClientSession / this thread's requests.Session)."""
        for c in [self] if self._gs is None else [self, self._gs]:
            if c.is_async:
                c.aclose()
            else:
                c.close()

    @property
    def is_async(self):
        return self.server.kind == "async"

    def run(self, value):
        return self.server.loop.run_until_complete(value) if inspect.isawaitable(value) else value

    def __getattr__(self, name):
        attr = getattr(self.conn, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            return self.run(attr(*args, **kwargs))
        return call


def setup_graph(server):
    """Runs setup.gsql through gsql() as a user would, then (auth on) getToken(createSecret()).

    4.2: the same connection then serves RESTPP and GSQL-server calls. 3.10 with RESTPP auth: the
    token goes to a new connection (`apiToken=`) for the RESTPP calls, and GSQL-server calls keep
    the password-only connection, `tg.gs` — the only arrangement pyTigerGraph 2.0.2 can use there
    (reasons above pytest_collection_modifyitems)."""
    tg = Client(server, "interop")
    out = tg.gsql(SETUP.read_text())
    if server.auth:
        token = tg.getToken(tg.createSecret())
        if not server.v4:
            # 3.x getToken answers (token, expiration, expiration as text).
            rest = Client(server, "interop", apiToken=token[0])
            rest._gs = tg
            return rest, out
    return tg, out


@pytest.fixture(scope="module")
def graph(server):
    tg, out = setup_graph(server)
    tg.setup_output = out
    yield tg
    tg.release()


def pytest_terminal_summary(terminalreporter):
    for line in deselection_report() + coverage_count.report():
        terminalreporter.write_line(line)


class TestTimeout(Exception):
    pass


@pytest.fixture(autouse=True)
def _per_test_timeout():
    """A hung request fails its test instead of hanging the suite (no pytest-timeout in Debian's set)."""
    def expire(*_):
        raise TestTimeout("test took longer than 60 s")
    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def pytest_configure(config):
    config.addinivalue_line("markers", "v4_only(reason): runs against the 4.2 emulators only, for the reason given")
    config.addinivalue_line("markers", "gsql_version_check: deselected on 3.10 with RESTPP auth (see below)")


# Why 3.10 with RESTPP auth runs only the tests without `gsql_version_check` (pyTigerGraph 2.0.2,
# read from its source; a real 3.x server answers the same way):
# - every request carries the connection's one cached Authorization header (`_prep_req` ignores
#   `authMode`). getToken() stores the token but leaves that header at Basic, which 3.x RESTPP
#   refuses (REST-10016). On that 401 `_req` asks for a new token with getToken() — no secret and,
#   by default (`is_global=True`), no graph — and a 3.x `/requesttoken` refuses a user/password
#   request without a graph (pyTigerGraph issue #273); the 4.x fallback `/gsql/v1/tokens` is 404
#   there, so the call fails with "Error requesting token". A 3.x user therefore hands the token to
#   a new connection (`apiToken=`), whose header is Bearer from the start: RESTPP works;
# - a 3.x GSQL server answers Bearer with 401 (only 4.1+ accepts tokens there), so GSQL-server
#   calls stay on a password-only connection (`graph.gs`). But the GSQL-server methods that first
#   check the server version (`_version_greater_than_4_0`: getSchema and everything built on it,
#   listGraphs, getUDTs, createQuery, runInterpretedQuery, getQueryMetadata, ...) call getVer()
#   on RESTPP, which refuses Basic; the check then calls getToken() itself and fails as above.
# So with auth on, 3.10 runs the RESTPP methods (token connection) and the GSQL-server methods
# that need no version check (gsql(), createSecret, getSecrets, ...); tests marked
# `gsql_version_check` need a version-checking GSQL-server method and are deselected there. (Methods
# that pyTigerGraph refuses on 3.x after its version check are called on the token connection.)
# Sources for the server side: TigerGraph 3.x "Authentication" page (RESTPP takes a token, GSQL
# server requests take user credentials); pyTigerGraph issue #62 (3.7: a token connection gets 401
# from /gsqlserver/gsql/schema); issue #16 (getVer() needs a token); TigerGraph's Spark connector
# probes "auth on?" with an unauthenticated GET /restpp/version (401/403); issue #273 (3.x
# /requesttoken with user/password needs the graph). test_auth.py asserts both failures.
DESELECTED_WHY = {
    "gsql_version_check": "3.10 with RESTPP auth: the test needs a GSQL-server method that first reads the "
                          "version from RESTPP; a 3.x RESTPP refuses Basic, a 3.x GSQL server refuses Bearer, and "
                          "pyTigerGraph 2.0.2 keeps one Authorization header per connection (conftest.py, test_auth.py)",
}
_deselected = {}


def _why_deselected(item):
    """The reason a test does not run in this configuration (its marker's `reason=`), or None."""
    v4_only = item.get_closest_marker("v4_only")
    if "[3.10-" in item.nodeid and v4_only:
        return "v4_only", v4_only.kwargs["reason"]
    if "[3.10-auth_on-" in item.nodeid and item.get_closest_marker("gsql_version_check"):
        return "gsql_version_check", DESELECTED_WHY["gsql_version_check"]
    return None


def pytest_collection_modifyitems(config, items):
    """v4_only tests are deselected (not skipped) for the 3.10 configurations, gsql_version_check
    ones for 3.10 with RESTPP auth (reason above); the summary prints each reason with its count."""
    keep, drop = [], []
    for item in items:
        why = _why_deselected(item)
        if why:
            _deselected[why] = _deselected.get(why, 0) + 1
        (drop if why else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def deselection_report():
    return [f"deselected {n} ({marker}): {why}" for (marker, why), n in sorted(_deselected.items())]
