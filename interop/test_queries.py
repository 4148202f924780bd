"""Queries: installed and interpreted runs, async runs and their status, metadata, descriptions,
semantic checks, and the 4.x query catalogue (list, content, info, install, drop)."""
import time

import pytest
from pyTigerGraph.common.exception import TigerGraphException

from helpers import checked, only_v4

EVERY = {
    "i": -7, "u": 7, "f": 1.5, "d": 2.25, "s": "tab\tquote\" é 👍", "b": True, "v": (1, "Person"),
    "p": 2, "t": "2024-05-06 07:08:09", "si": [1, 2, 2], "bi": [1, 2, 2], "ls": ["x", "y"],
    "sv": [(1, "Person"), (10, "City")], "sp": [1, 3],
    "st": ["2024-01-02 03:04:05"], "bs": ["a", "a", "b"], "ld": [0.5, 0.25], "bc": [10, 10, 20],
}


def test_installed_queries_listing(graph):
    names = graph.getInstalledQueries()
    assert "GET /query/interop/total_age" in names
    assert "GET /query/interop/every_param" in names
    assert "GET /query/interop/draft" not in names


def test_run_installed_query_get_and_post(graph):
    assert graph.runInstalledQuery("total_age") == [{"total": 120}]
    assert graph.runInstalledQuery("total_age", usePost=False) == [{"total": 120}]


def test_every_parameter_type_round_trips(graph):
    res = graph.runInstalledQuery("every_param", EVERY)
    out = res[0]
    assert out["i"] == -7 and out["u"] == 7 and out["b"] is True
    assert out["s"] == EVERY["s"]
    assert out["v"] == "1" and out["p"] == "2"
    assert out["t"] == "2024-05-06 07:08:09"
    assert sorted(out["si"]) == [1, 2]
    assert sorted(out["bi"]) == [1, 2, 2]
    assert sorted(out["sv"]) == ["1", "10"]
    assert sorted(out["sp"]) == ["1", "3"]
    assert out["st"] == ["2024-01-02 03:04:05"]
    assert sorted(out["bs"]) == ["a", "a", "b"]
    assert out["ld"] == [0.5, 0.25]
    assert sorted(out["bc"]) == ["10", "10", "20"]
    # The same through GET (pyTigerGraph's query-string encoding of every type).
    get = graph.runInstalledQuery("every_param", EVERY, usePost=False)
    assert get[0]["s"] == EVERY["s"] and sorted(get[0]["sv"]) == ["1", "10"]


def test_vertex_parameter_of_the_wrong_type_is_refused_with_a_code(graph):
    bad = dict(EVERY, p=(1, "City"))
    with pytest.raises(TigerGraphException) as err:
        graph.runInstalledQuery("every_param", bad)
    assert err.value.code  # TigerGraph sends "code" with every RESTPP error


@pytest.mark.gsql_version_check
def test_interpreted_query_with_graphname_placeholders(graph):
    for name in ("$graphname", "@graphname@"):
        text = "INTERPRET QUERY () FOR GRAPH " + name + " {\n  SumAccum<INT> @@t;\n  s = {Person.*};\n" \
               "  s = SELECT p FROM s:p ACCUM @@t += p.age;\n  PRINT @@t AS total;\n}"
        assert graph.gs.runInterpretedQuery(text) == [{"total": 120}]


def test_async_run_status_and_result(graph):
    rid = graph.runInstalledQuery("total_age", runAsync=True)
    assert isinstance(rid, str) and rid
    for _ in range(100):
        status = graph.checkQueryStatus(rid)
        assert status[0]["requestid"] == rid
        if status[0]["status"] == "success":
            break
        time.sleep(0.05)
    assert graph.getQueryResult(rid) == [{"total": 120}]
    assert isinstance(graph.checkQueryStatus(), list)


def test_running_list_and_abort(graph):
    assert graph.getRunningQueries()["results"] == []
    assert graph.abortQuery("all")["results"] == [{"aborted_queries": []}]


@pytest.mark.gsql_version_check
def test_show_query_and_metadata(graph):
    text = graph.gs.showQuery("total_age")
    assert "CREATE QUERY total_age()" in text
    meta = graph.gs.getQueryMetadata("total_age")
    # TigerGraph names the printed value's type as the query's output type, "int", not SumAccum<int>.
    assert meta["output"][0] == {"total": "int"}


def test_query_descriptions(graph):
    if not graph.server.v4:
        # pyTigerGraph refuses these itself after reading the version from RESTPP, so they are
        # called on the token connection (a password-only one gets REST-10016 there with auth on).
        for call in (lambda: graph.getQueryDescription("total_age"),
                     lambda: graph.dropQueryDescription("total_age"),
                     lambda: graph.updateQueryDescription("total_age", "x"),
                     lambda: graph.describeQuery("total_age", "x")):
            with pytest.raises(TigerGraphException, match="only supported on versions of TigerGraph >= 4.0.0"):
                call()
        return
    graph.gs.dropQueryDescription("total_age")
    assert graph.gs.getQueryDescription("total_age") == [{"queryName": "total_age", "parameters": []}]
    graph.gs.describeQuery("total_age", "Sums ages")
    assert graph.gs.getQueryDescription("total_age")[0]["description"] == "Sums ages"
    graph.gs.updateQueryDescription("every_param", "All types", {"i": "an int", "u": "a uint"})
    desc = graph.gs.getQueryDescription("every_param")[0]
    assert desc["description"] == "All types"
    assert [p["description"] for p in desc["parameters"][:2]] == ["an int", "a uint"]


def test_v4_query_catalogue(graph):
    gs = checked(graph)
    names = only_v4(graph, lambda: gs.listQueryNames())
    if names is None:
        for call in (lambda: gs.getQueryContent("total_age"), lambda: gs.getQueryInfo(),
                     lambda: gs.checkQuerySemantic("CREATE QUERY q() { PRINT 1; }"),
                     lambda: gs.installQueries("draft"), lambda: gs.getQueryInstallationStatus("1")):
            only_v4(graph, call)
        return
    assert {"total_age", "draft", "every_param"} <= set(names)
    content = gs.getQueryContent("total_age")
    assert "CREATE QUERY total_age()" in str(content)
    info = gs.getQueryInfo(queryName="total_age")
    assert info["error"] is False
    ok = gs.checkQuerySemantic("CREATE QUERY q() FOR GRAPH interop { PRINT 1; }")
    assert ok["error"] is False
    installed = gs.installQueries("draft")
    if graph.is_async:  # the async client does not wait by default (wait=False)
        installed = gs.getQueryInstallationStatus(installed["requestId"])
    assert "SUCCESS" in installed["message"]
    assert "GET /query/interop/draft" in graph.getInstalledQueries()


@pytest.mark.gsql_version_check
def test_create_and_drop_queries(graph):
    gs = graph.gs
    res = gs.createQuery("CREATE QUERY temp1() FOR GRAPH $graphname { PRINT 1 AS one; }")
    assert "temp1" in str(res)
    gs.createQuery("CREATE QUERY temp2() FOR GRAPH @graphname@ { PRINT 2 AS two; }")
    gs.dropQueries("temp1")
    gs.dropQueries(["temp2"])
    assert "temp1" not in gs.gsql("USE GRAPH interop\nls")
