"""ingestDataset, offline: pyTigerGraph's documented way for machines without internet is to unpack a
dataset into `tmp_dir/<name>/` (then Datasets skips the download). The files are written here in
that layout: create_graph.gsql, create_schema.gsql, create_load_job.gsql, run_load_job.json, data."""
import json
import os
import tempfile

import pyTigerGraph.datasets
import pyTigerGraph.pytgasync.datasets
import pytest
from pyTigerGraph.common.exception import TigerGraphException

from conftest import Client

FILES = {
    "create_graph.gsql": "CREATE GRAPH tiny()\n",
    "create_schema.gsql": (
        "USE GRAPH tiny\nCREATE SCHEMA_CHANGE JOB tiny_schema FOR GRAPH tiny {\n"
        "  ADD VERTEX Paper (PRIMARY_ID id INT, year INT);\n"
        "  ADD UNDIRECTED EDGE cites (FROM Paper, TO Paper);\n}\nRUN SCHEMA_CHANGE JOB tiny_schema\n"),
    "create_load_job.gsql": (
        "USE GRAPH tiny\nCREATE LOADING JOB load_tiny FOR GRAPH tiny {\n"
        "  DEFINE FILENAME papers;\n  DEFINE FILENAME links;\n"
        "  LOAD papers TO VERTEX Paper VALUES ($0, $1);\n"
        "  LOAD links TO EDGE cites VALUES ($0, $1);\n}\n"),
    "run_load_job.json": json.dumps([
        {"filePath": "papers.csv", "fileTag": "papers", "jobName": "load_tiny"},
        {"filePath": "links.csv", "fileTag": "links", "jobName": "load_tiny"}]),
    "papers.csv": "1,2001\n2,2002\n3,2003\n",
    "links.csv": "1,2\n2,3\n",
}


def unpacked(tmp):
    os.makedirs(os.path.join(tmp, "tiny"))
    for name, text in FILES.items():
        with open(os.path.join(tmp, "tiny", name), "w") as f:
            f.write(text)


def dataset(client, tmp):
    if client.is_async:
        return client.run(pyTigerGraph.pytgasync.datasets.AsyncDatasets.create("tiny", tmp_dir=tmp))
    return pyTigerGraph.datasets.Datasets("tiny", tmp_dir=tmp)


def test_ingest_an_unpacked_dataset(graph):
    conn = Client(graph.server, "")
    with tempfile.TemporaryDirectory() as tmp:
        unpacked(tmp)
        ds = dataset(conn, tmp)
        if conn.is_async:
            # pyTigerGraph 2.0.2's async ingestDataset creates the graph, schema and loading job,
            # then awaits run_load_job, an async generator (TypeError): nothing is loaded.
            with pytest.raises(TypeError, match="async_generator"):
                conn.ingestDataset(ds, cleanup=False, getToken=graph.server.auth)
            assert "load_tiny" in conn.gsql("USE GRAPH tiny\nls")
        elif graph.server.auth and not graph.server.v4:
            # 3.x, RESTPP auth on: after getToken() the connection still sends Basic to RESTPP, and
            # pyTigerGraph's refresh asks /requesttoken without a graph (see test_token_flow).
            with pytest.raises(TigerGraphException, match="Error requesting token"):
                conn.ingestDataset(ds, cleanup=False, getToken=True)
        else:
            conn.ingestDataset(ds, getToken=graph.server.auth)
            # cleanup=True removes the unpacked folder once the data is in.
            assert not os.path.isdir(os.path.join(tmp, "tiny"))
            assert conn.graphname == "tiny"
            assert conn.getVertexCount("Paper") == 3
            assert conn.getEdgeCount("cites") == 2
    # The graph now exists, so a second ingest only points the connection at it.
    again = Client(graph.server, "")
    assert again.check_exist_graphs("tiny") is True
    again.release()
    conn.release()
