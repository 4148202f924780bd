"""Base and utility methods: versions, echo, ping, license, endpoints, statistics, headers."""
import re

import pytest
from pyTigerGraph.common.exception import TigerGraphException

from helpers import checked, only_v4


def test_version_table(graph):
    rows = graph.getVersion()
    names = [r["name"] for r in rows]
    assert "product" in names
    assert re.fullmatch(r"\d+\.\d+\.\d+", graph.getVer())
    assert graph.getVer().startswith(graph.server.version)


def test_echo(graph):
    assert graph.echo() == "Hello GSQL"
    assert graph.echo(usePost=True) == "Hello GSQL"


def test_ping_answers_pong(graph):
    # GET /api/ping on the nginx port: TigerGraph answers {"error": false, "message": "pong", "results": {}}.
    res = graph.ping()
    assert res["error"] is False
    assert res["message"] == "pong"


def test_license(graph):
    info = graph.getLicenseInfo()
    assert set(info) >= {"message", "daysRemaining"}


def test_endpoints_builtin_dynamic_static(graph):
    builtin = graph.getEndpoints(builtin=True)
    assert "GET /echo" in builtin
    # pyTigerGraph keeps the keys without " /graph/" or with " /graph/{graph_name}/".
    assert "GET /graph/{graph_name}/vertices/{vertex_type}" in builtin
    dynamic = graph.getEndpoints(dynamic=True)
    assert any(k.startswith("GET /query/interop/total_age") for k in dynamic)
    assert isinstance(graph.getEndpoints(static=True), dict)


def test_query_performance_and_rebuild(graph):
    graph.getVertexCount("Person")
    assert isinstance(graph.getQueryPerformance(), dict)
    res = graph.rebuildGraph()
    assert res["error"] is False


def test_custom_headers_are_sent(graph):
    graph.customizeHeader(timeout=20000, responseSize=5000000)
    assert graph.getVertexCount("Person") == 3
    graph.customizeHeader()


@pytest.mark.gsql_version_check
def test_system_metrics_and_service_status(graph):
    if graph.server.v4:
        res = graph.gs.getSystemMetrics(what="cpu", latest=1)
        assert isinstance(res, dict)
    else:
        # 3.x /ts3/api/datapoints: a list of data points, `latest` of them.
        res = graph.gs.getSystemMetrics(what="mem", latest=2)
        assert isinstance(res, list) and len(res) == 2
    status = graph.gs.getServiceStatus({"ServiceDescriptors": [{"ServiceName": "GSQL"}]})
    assert isinstance(status, dict)


def test_gsql_version_and_reserved_keywords(graph):
    if graph.server.v4:
        # GET /gsql/v1/version answers plain text (4.1 docs: "GSQL version: 4.x.y"); pyTigerGraph
        # 2.0.2 parses it as JSON and raises with the text in the message.
        with pytest.raises(TigerGraphException, match="GSQL version: 4.2"):
            graph.gs.getGSQLVersion()
    else:
        only_v4(graph, lambda: checked(graph).getGSQLVersion())
    assert "VERTEX" in graph.getReservedKeywords()
    assert graph.isReservedKeyword("select") is True
    assert graph.isReservedKeyword("interop") is False


def test_graph_scope_helpers(graph):
    graph.useGlobal()
    assert graph.graphname == ""
    graph.useGraph("interop")
    assert graph.graphname == "interop"
    assert graph.gs.check_exist_graphs("interop") is True
    assert graph.gs.check_exist_graphs("nope") is False
