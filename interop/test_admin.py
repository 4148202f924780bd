"""Server administration: vector-index status, loading-job runs by id (status, abort, pause,
resume), catalogue recovery, database export/import. Its own module, so its own emulators: the
import at the end replaces the whole catalogue."""
import os
import re
import tempfile
import time

import aiohttp
import pytest
import requests

from pyTigerGraph.common.exception import TigerGraphException

from helpers import checked, only_v4

# What the sync client (requests) and the async one (aiohttp) raise for an HTTP error status.
HTTP_ERRORS = (requests.exceptions.HTTPError, aiohttp.ClientResponseError)

JOB = """CREATE LOADING JOB load_people FOR GRAPH interop {
  DEFINE FILENAME people;
  LOAD people TO VERTEX Person VALUES ($0, $1, $2) USING SEPARATOR=",", HEADER="false";
}"""


def test_vector_index_status(graph):
    srv = graph.server
    if not srv.v4:
        # /vector/status came with vector search in 4.2: a 3.10 RESTPP has no such endpoint (REST-1000, 404).
        with pytest.raises(HTTP_ERRORS, match="404"):
            graph.getVectorIndexStatus()
        return
    # TigerGraph: {"NeedRebuildServers": []} when every HNSW index is up to date; pyTigerGraph's
    # getVectorStatus answers len(NeedRebuildServers) == 0.
    assert graph.getVectorIndexStatus() == {"NeedRebuildServers": []}
    assert graph.getVectorStatus("Person") is True
    srv.control.call("POST", f"/emulators/{srv.desc['id']}/vector-rebuild", {"pending": True})
    try:
        # A pending rebuild names the GPE that still has to rebuild (ecosys VectorSearch tutorial).
        assert graph.getVectorIndexStatus() == {"NeedRebuildServers": ["GPE_1#1"]}
        assert graph.getVectorIndexStatus("interop", "Person") == {"NeedRebuildServers": ["GPE_1#1"]}
        assert graph.getVectorStatus("Person") is False
    finally:
        srv.control.call("POST", f"/emulators/{srv.desc['id']}/vector-rebuild", {"pending": False})
    assert graph.getVectorStatus("Person") is True


@pytest.mark.gsql_version_check  # getVertexType reads the schema from the GSQL server
def test_vertex_vectors(graph):
    """getVertexVectors reads the vertex type's EmbeddingAttributes (TigerGraph 4.2 vector attributes)."""
    srv = graph.server
    if not srv.v4:
        # 3.x has no vector attributes: the schema JSON carries no EmbeddingAttributes key. The sync
        # client indexes it directly (KeyError); the async one checks for it and answers [].
        if graph.is_async:
            assert graph.getVertexVectors("Person") == []
        else:
            with pytest.raises(KeyError, match="EmbeddingAttributes"):
                graph.getVertexVectors("Person")
        return
    out = graph.gs.gsql(
        "USE GRAPH interop\n"
        "CREATE SCHEMA_CHANGE JOB add_emb FOR GRAPH interop {\n"
        '  ALTER VERTEX Person ADD VECTOR ATTRIBUTE emb(DIMENSION=3, METRIC="COSINE");\n'
        "}\n"
        "RUN SCHEMA_CHANGE JOB add_emb\n"
        "DROP JOB add_emb")
    assert "Local schema change succeeded." in out
    vectors = graph.getVertexVectors("Person")
    assert [name for name, _ in vectors] == ["emb"]
    spec = vectors[0][1]
    assert spec["Name"] == "emb" and spec["Dimension"] == 3 and spec["Metric"] == "COSINE"
    # A vector upserted through RESTPP is one more attribute of the vertex; the HNSW index catches
    # up in the background, which /vector/status reports until it is done.
    assert graph.upsertVertex("Person", 1, {"emb": [0.1, 0.2, 0.3]}) == 1
    deadline = time.monotonic() + 20
    while not graph.getVectorStatus("Person", "emb"):
        assert time.monotonic() < deadline, "the vector index never reported up to date"
        time.sleep(0.5)
    assert graph.getVectorStatus("Person") is True


def _run_job(gs, path):
    """RUN LOADING JOB as a user types it; the GSQL shell prints the job id it kicked off."""
    out = gs.gsql(f'USE GRAPH interop\nRUN LOADING JOB load_people USING people="{path}"')
    assert "Kick off the following job:" in out
    assert "LOAD SUCCESSFUL for loading jobid:" in out
    return re.search(r"JobName: load_people, jobid: (\S+)", out).group(1)


def test_loading_job_runs_by_id(graph):
    gs = graph.gs
    if not graph.server.v4:
        # /gsql/v1/loading-jobs/… is 4.x only and pyTigerGraph does not gate it: a 3.x server answers 404.
        with pytest.raises(HTTP_ERRORS, match="404"):
            gs.getLoadingJobStatus("interop.load_people.file.m1.1")
        return
    gs.createLoadingJob(JOB)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("11,21,1.5\n12,22,2.5\n")
    try:
        # TigerGraph's POST /gsql/v1/loading-jobs/run takes a JSON list of runs; pyTigerGraph 2.0.2's
        # runLoadingJob posts its dict as form fields (data= without jsonData), which loses the data
        # source and is refused: nothing is loaded.
        people = graph.getVertexCount("Person")
        with pytest.raises(TigerGraphException):
            gs.runLoadingJob("load_people", {"filename": "people", "name": "file", "path": f.name})
        assert graph.getVertexCount("Person") == people
        job_id = _run_job(gs, f.name)
        second = _run_job(gs, f.name)
    finally:
        os.unlink(f.name)
    # GET /gsql/v1/loading-jobs/status/{id}: results[] of {"overall": {...}, "workers": [...]}.
    status = gs.getLoadingJobStatus(job_id)
    overall = status[0]["overall"]
    assert overall["id"] == job_id
    assert overall["progress"] == 100
    assert overall["statistics"]["fileLevel"]["validLine"] == 2
    both = gs.getLoadingJobsStatus([job_id, second])
    assert [s["overall"]["id"] for s in both] == [job_id, second]
    # Abort/pause/resume answer with the ids they were given (a finished job stays finished).
    res = gs.abortLoadingJob(job_id)
    assert res["error"] is False
    assert res["message"] == f"Successfully dropped loading job(s): [{job_id}]."
    res = gs.abortLoadingJobs([job_id, second], pauseJob=True)
    assert res["message"] == f"Successfully paused loading job(s): [{job_id}, {second}]."
    res = gs.resumeLoadingJob(second)
    assert res["message"] == f"Successfully resumed loading job(s): [{second}]."
    gs.dropLoadingJob("load_people")


def test_recover_catalog(graph):
    # POST /gsql/v1/schema/recover (4.x); pyTigerGraph refuses it itself on 3.x.
    res = only_v4(graph, lambda: checked(graph).recoverCatalog())
    if res is not None:
        assert res["error"] is False
        assert res["message"] == "Recover schema succeed!"
        assert graph.getVertexCount("City") == 3


def test_export_then_import_database(graph):
    gs = checked(graph)
    res = only_v4(graph, lambda: gs.exportDatabase("/home/tigergraph/export/interop"))
    if res is None:
        with pytest.raises(Exception, match="only supported on versions of TigerGraph >="):
            gs.importDatabase("/home/tigergraph/export/interop")
        return
    assert res == {"error": False, "message": "Successfully exported database."}
    people = graph.getVertexCount("Person")
    graph.delVerticesById("Person", [3])
    assert graph.getVertexCount("Person") == people - 1
    # IMPORT GRAPH ALL: the catalogue is replaced by the archive (schema, queries, data).
    res = gs.importDatabase("/home/tigergraph/export/interop")
    assert res == {"error": False, "message": "Successfully imported database."}
    assert graph.getVertexCount("Person") == people
    assert graph.getVerticesById("Person", [3])[0]["attributes"]["age"] == 50
    assert graph.runInstalledQuery("total_age")[0]["total"] == sum(
        v["attributes"]["age"] for v in graph.getVertices("Person"))
