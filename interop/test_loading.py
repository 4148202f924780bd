"""Loading jobs over the GSQL server and RESTPP /ddl; data sources on 4.x."""
import os
import tempfile

import pytest

JOB = """CREATE LOADING JOB load_people FOR GRAPH interop {
  DEFINE FILENAME people;
  LOAD people TO VERTEX Person VALUES ($0, $1, $2) USING SEPARATOR=",", HEADER="false";
}"""


def test_loading_job_lifecycle(graph):
    gs = graph.gs
    gs.createLoadingJob(JOB)
    assert "load_people" in gs.getLoadingJobs()
    res = graph.runLoadingJobWithData("7,77,7.5\n8,88,8.5\n", "people", "load_people")
    stats = res[0]["statistics"]
    assert stats["validLine"] == 2
    assert stats["vertex"][0]["typeName"] == "Person" and stats["vertex"][0]["validObject"] == 2
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("9,99,9.5\n")
    try:
        res = graph.runLoadingJobWithFile(f.name, "people", "load_people")
        assert res[0]["statistics"]["validLine"] == 1
        res = graph.uploadFile(f.name, "people", "load_people")
        assert res[0]["statistics"]["validLine"] == 1
    finally:
        os.unlink(f.name)
    assert graph.getVertexCount("Person") >= 6
    info = gs.getLoadingJobInfo("load_people")
    assert "load_people" in str(info)
    gs.updateLoadingJob(JOB.replace("$2)", "$2) ").replace("CREATE", "CREATE OR REPLACE", 1)) \
        if graph.server.v4 else None
    gs.dropLoadingJob("load_people")
    assert "load_people" not in (gs.getLoadingJobs() or [])


@pytest.mark.v4_only  # 3.x data sources are GSQL CREATE DATA_SOURCE statements (see README)
def test_data_sources_on_4x(graph):
    gs = graph.gs
    cfg = {"type": "s3", "access.key": "AKIA_EXAMPLE", "secret.key": "example"}
    assert gs.createDataSource("s3_ds", cfg)["error"] is False
    assert gs.updateDataSource("s3_ds", cfg)["error"] is False
    assert "s3_ds" in str(gs.getDataSource("s3_ds"))
    assert "s3_ds" in str(gs.getDataSources())
    assert gs.dropDataSource("s3_ds")["error"] is False
    assert gs.dropAllDataSources()["error"] is False
