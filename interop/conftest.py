"""pytest fixtures: emulators started through the emulator's control API, one pyTigerGraph
connection per (version, RESTPP auth, port layout), and the method-coverage count."""
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

# (version, RESTPP auth, layout): "restpp" = RESTPP on its own port (9000), "nginx" = one port (14240).
CONFIGS = [(v, a, l) for v in ("3.10", "4.2") for a in (False, True) for l in ("restpp", "nginx")]


def _ids(c):
    return f"{c[0]}-auth_{'on' if c[1] else 'off'}-{c[2]}"


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
    def __init__(self, control, desc, version, auth, layout):
        self.control, self.desc = control, desc
        self.version, self.auth, self.layout = version, auth, layout
        self.v4 = version.startswith("4")

    def gsql(self, text):
        return self.control.gsql(self.desc, text)

    def ports(self):
        gs = self.desc["gsPort"]
        return {"restppPort": gs if self.layout == "nginx" else self.desc["restppPort"], "gsPort": gs}


@pytest.fixture(scope="module", params=CONFIGS, ids=_ids)
def server(request, control):
    version, auth, layout = request.param
    desc = control.create(version=version, auth=auth)
    yield Server(control, desc, version, auth, layout)
    control.destroy(desc)


def connect(server, graph="", cls=None, **extra):
    """A connection as a user makes one; with RESTPP auth on, the getToken(createSecret()) flow."""
    cls = cls or pyTigerGraph.TigerGraphConnection
    conn = cls(host="http://127.0.0.1", graphname=graph, username="tigergraph",
               password="tigergraph", **server.ports(), **extra)
    return conn


def pytest_terminal_summary(terminalreporter):
    for line in coverage_count.report():
        terminalreporter.write_line(line)
