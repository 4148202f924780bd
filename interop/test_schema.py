"""Schema: the schema JSON, UDTs, graphs, schema-change jobs (GSQL and 4.x JSON), global types."""
import pytest
from pyTigerGraph.common.exception import TigerGraphException

from helpers import checked, only_v4


@pytest.mark.gsql_version_check
def test_schema_json(graph):
    schema = graph.getSchema(force=True)
    assert schema["GraphName"] == "interop"
    vt = {v["Name"]: v for v in schema["VertexTypes"]}
    assert vt["Item"]["PrimaryId"]["AttributeType"]["Name"] == "STRING"
    # One entry per edge type, reverse edges included (getEdgeTypes counts these).
    names = sorted(e["Name"] for e in schema["EdgeTypes"])
    assert names == sorted(["knows", "visits", "follows", "followed_by", "reaches", "anything", "self_loop"])
    assert [u["name"] for u in schema["UDTs"]] == ["every_field", "tag"] or \
        sorted(u["name"] for u in schema["UDTs"]) == ["every_field", "tag"]


@pytest.mark.gsql_version_check
def test_schema_version_follows_schema_changes(graph):
    assert graph.gs.getSchemaVer() == 2


@pytest.mark.gsql_version_check
def test_udts(graph):
    assert sorted(graph.gs.getUDTs()) == ["every_field", "tag"]
    fields = graph.gs.getUDT("tag")
    assert [f["fieldName"] for f in fields] == ["code", "label", "seen"]
    assert fields[1]["fieldType"] == "STRING" and fields[1]["length"] == 12
    assert graph.gs.getUDT("missing") == []


@pytest.mark.gsql_version_check
def test_list_graphs(graph):
    graphs = graph.gs.listGraphs()
    names = [g.get("GraphName", g.get("graphName")) for g in graphs]
    assert "interop" in names


@pytest.mark.gsql_version_check
def test_create_and_drop_graph(graph):
    gs = graph.gs
    gs.gsql("CREATE VERTEX Extra (PRIMARY_ID id INT)")
    res = gs.createGraph("side", vertexTypes=["Extra"])
    assert "side" in str(res)
    assert gs.check_exist_graphs("side")
    gs.dropGraph("side")
    assert not gs.check_exist_graphs("side")


@pytest.mark.gsql_version_check
def test_gsql_schema_change(graph):
    gs = graph.gs
    out = gs.runSchemaChange("ALTER VERTEX City ADD ATTRIBUTE (population INT)")
    assert "Local schema change succeeded." in str(out)
    gs.getSchema(force=True)
    assert ("population", "INT") in gs.getVertexAttrs("City")


def test_json_schema_change_on_4x(graph):
    gs = checked(graph)
    change = {"addVertexTypes": [{"Name": "Fresh", "PrimaryId": {"AttributeName": "id",
              "AttributeType": {"Name": "INT"}}, "Attributes": [], "Config": {}}]}
    if not graph.server.v4:
        with pytest.raises(TigerGraphException, match="JSON-format schema changes require TigerGraph >= 4.0"):
            gs.runSchemaChange(change)
        return
    res = gs.runSchemaChange(change)
    assert res["error"] is False
    assert "Fresh" in gs.getVertexTypes(force=True)


def test_schema_change_jobs(graph):
    gs = graph.gs
    if not graph.server.v4:
        # No version gate in pyTigerGraph: a 3.x server has no /gsql/v1 and answers 404.
        with pytest.raises(Exception, match="404"):
            gs.createSchemaChangeJob("add_note", ["ALTER VERTEX Shop ADD ATTRIBUTE (note STRING)"])
        for call in (lambda: gs.getSchemaChangeJobs(), lambda: gs.runSchemaChangeJob("add_note"),
                     lambda: gs.dropSchemaChangeJobs("add_note")):
            with pytest.raises(Exception, match="404"):
                call()
        return
    res = gs.createSchemaChangeJob("add_note", ["ALTER VERTEX Shop ADD ATTRIBUTE (note STRING)"])
    assert res["error"] is False
    jobs = gs.getSchemaChangeJobs()
    assert "add_note" in str(jobs)
    res = gs.runSchemaChangeJob("add_note")
    assert res["error"] is False
    assert gs.dropSchemaChangeJobs("add_note")["error"] is False


def test_global_vertex_types_on_4x(graph):
    gs = checked(graph)
    res = only_v4(graph, lambda: gs.createGlobalVertices("CREATE VERTEX GlobalA (PRIMARY_ID id INT)"))
    if res is None:
        for call in (lambda: gs.createGlobalVerticesJson([]), lambda: gs.addGlobalVerticesToGraph("x"),
                     lambda: gs.dropVertices("x"), lambda: gs.validateGraphSchema()):
            only_v4(graph, call)
        return
    assert res["error"] is False
    res = gs.createGlobalVerticesJson([{"Name": "GlobalB", "PrimaryId": {"AttributeName": "id",
                                        "AttributeType": {"Name": "STRING"}}, "Attributes": []}])
    assert res["error"] is False
    res = gs.addGlobalVerticesToGraph(["GlobalA"])
    assert res["error"] is False
    assert "GlobalA" in gs.getVertexTypes(force=True)
    assert gs.dropVertices("GlobalB")["error"] is False
    assert isinstance(gs.validateGraphSchema(), dict)
