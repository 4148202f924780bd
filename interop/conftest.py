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
        self._password_gs = False
        self._spawned = []
        cls = pyTigerGraph.AsyncTigerGraphConnection if server.kind == "async" else pyTigerGraph.TigerGraphConnection
        self.server = server
        self.conn = cls(host="http://127.0.0.1", graphname=graph, username="tigergraph",
                        password="tigergraph", **server.ports(), **extra)

    @property
    def gs(self):
        """The connection for GSQL-server calls: this one, or (3.x with RESTPP auth) a new
        password-only connection each time, since pyTigerGraph moves a connection to its token for
        good once a version check meets a RESTPP 401 (see pytest_collection_modifyitems)."""
        if not self._password_gs:
            return self
        self._spawned.append(Client(self.server, "interop"))
        return self._spawned[-1]

    def release(self):
        """Closes the HTTP sessions (aiohttp's ClientSession / this thread's requests.Session)."""
        for c in [self, *self._spawned]:
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

    `tg.gs` is the connection for GSQL-server calls. On 3.x the GSQL server answers a Bearer token
    with 401 (only 4.1+ accepts tokens there), and pyTigerGraph sends its one Authorization header
    everywhere, so a 3.x user with RESTPP auth keeps password-only connections for those calls
    (`Client.gs`; why a new one each time: pytest_collection_modifyitems)."""
    tg = Client(server, "interop")
    out = tg.gsql(SETUP.read_text())
    if server.auth:
        tg._password_gs = not server.v4
        tg.getToken(tg.createSecret())
    return tg, out


@pytest.fixture(scope="module")
def graph(server):
    tg, out = setup_graph(server)
    tg.setup_output = out
    yield tg
    tg.release()


def pytest_terminal_summary(terminalreporter):
    for line in coverage_count.report():
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
    config.addinivalue_line("markers", "v4_only: runs against the 4.2 emulators only")
    config.addinivalue_line("markers", "gsql_after_token: deselected on 3.10 with RESTPP auth (see below)")


# Why 3.10 with RESTPP auth runs only the tests without `gsql_after_token` (pyTigerGraph 2.0.2,
# read from its source; the same happens against a real 3.x server):
# - every request carries the connection's one cached Authorization header (`_prep_req` ignores
#   `authMode`). getToken() stores the token but leaves that header at Basic; the first RESTPP 401
#   (3.x RESTPP refuses Basic: REST-10016) makes `_req` call getToken() again and switch the
#   header to `Bearer <token>` for good, GSQL-server requests included;
# - a 3.x GSQL server answers Bearer with 401 (only 4.1+ accepts tokens there). On that 401 `_req`
#   takes its non-reentrant `_token_refresh_lock` and calls getToken(), whose POST /requesttoken
#   now also carries the Bearer header, is refused with 401 and re-enters `_req`, which waits for
#   the lock it already holds: the call hangs;
# - a second, password-only connection for GSQL-server calls (`graph.gs`) does not escape it for
#   the methods that first check the server version (`_version_greater_than_4_0`: getSchema and
#   everything built on it, listGraphs, getUDTs, createQuery, runInterpretedQuery, getQueryMetadata,
#   ...): the check calls getVer() on RESTPP, gets REST-10016 for Basic, calls getToken() itself,
#   and the connection is on Bearer from then on.
# So on 3.10 with auth on, RESTPP methods run on the token connection and the GSQL-server methods
# that need no version check (gsql(), createSecret, getSecrets, ...) on `graph.gs`; the tests marked
# `gsql_after_token` call one of the version-checking GSQL-server methods and are deselected there.
def pytest_collection_modifyitems(config, items):
    """v4_only tests are deselected (not skipped) for the 3.10 configurations, gsql_after_token
    ones for 3.10 with RESTPP auth (reason above)."""
    keep, drop = [], []
    for item in items:
        is_v3 = "[3.10-" in item.nodeid
        v3_auth = "[3.10-auth_on-" in item.nodeid and item.get_closest_marker("gsql_after_token")
        (drop if v3_auth or (is_v3 and item.get_closest_marker("v4_only")) else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
