"""Public methods the suite does not call, each with the reason (filled as the suite grows)."""

_PANDAS = "returns a pandas DataFrame; pandas is not among the Debian packages the suite installs"
_COMMON = {
    "ingestDataset": "downloads a TigerGraph sample dataset from the internet (tigergraph.com)",
    "start_mcp_server": "needs the optional `mcp` package (Model Context Protocol server), not a database call",
}
for _n in ("getVertexDataFrame", "getVertexDataframe", "getVertexDataFrameById", "getVertexDataframeById",
           "getEdgesDataFrame", "getEdgesDataframe", "upsertVertexDataFrame", "upsertEdgeDataFrame",
           "vertexSetToDataFrame", "edgeSetToDataFrame", "runLoadingJobWithDataFrame"):
    _COMMON[_n] = _PANDAS

_COMMON.update({
    "getStatistics": "pyTigerGraph 2.0.2 calls its helper with an extra argument (TypeError); getQueryPerformance is tested",
    "previewSampleData": "POST /gsql/v1/sample-data reads sample rows from a cloud data source (S3/GCS bucket); "
                         "the emulator does not serve it",
    "getAsyncRequestStatus": "needs the id of a 4.x GSQL statement run with POST /gsql/v1/statements?async=true; "
                             "pyTigerGraph's gsql() never asks for one and the reply that hands it out is not "
                             "documented in the reference, so the emulator does not issue such ids",
    "cancelAsyncRequest": "as getAsyncRequestStatus (and the sync client passes headers= to _put, which takes none: "
                          "TypeError)",
})
NOT_EXERCISED = {"TigerGraphConnection": dict(_COMMON), "AsyncTigerGraphConnection": dict(_COMMON)}
NOT_EXERCISED["TigerGraphConnection"]["installUDF"] = (
    "pyTigerGraph 2.0.2 calls the undefined _versionGreaterThan4_0() (AttributeError); "
    "the UDF endpoints are tested with plain HTTP and getUDF")
NOT_EXERCISED["AsyncTigerGraphConnection"]["delVerticesByType"] = (
    "pyTigerGraph 2.0.2's async delVerticesByType subscripts an un-awaited coroutine (TypeError); "
    "the sync one is tested")
