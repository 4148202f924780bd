"""Public methods the suite does not call, each with the reason (filled as the suite grows)."""

_PANDAS = "returns a pandas DataFrame; pandas is not among the Debian packages the suite installs"
_COMMON = {
    "ingestDataset": "downloads a TigerGraph sample dataset from the internet (tigergraph.com)",
    "start_mcp_server": "needs the optional `mcp` package (Model Context Protocol server), not a database call",
}
_COMMON["getVertexVectors"] = ("reads EmbeddingAttributes (TigerGraph 4.2 vector attributes) from the schema; "
                              "the emulator does not model vector attributes")
for _n in ("getVertexDataFrame", "getVertexDataframe", "getVertexDataFrameById", "getVertexDataframeById",
           "getEdgesDataFrame", "getEdgesDataframe", "upsertVertexDataFrame", "upsertEdgeDataFrame",
           "vertexSetToDataFrame", "edgeSetToDataFrame", "runLoadingJobWithDataFrame"):
    _COMMON[_n] = _PANDAS

_COMMON.update({
    "getStatistics": "pyTigerGraph 2.0.2 calls its helper with an extra argument (TypeError); getQueryPerformance is tested",
    "getVectorStatus": "needs vector attributes, which the emulator does not model (README)",
    "getVectorIndexStatus": "needs vector attributes, which the emulator does not model (README)",
    "exportDatabase": "the emulator's db-export only records the path (README: canned)",
    "importDatabase": "the emulator's db-import only accepts a recorded path (README: canned)",
    "recoverCatalog": "the emulator's schema/recover is a canned answer (README)",
    "runLoadingJob": "runs a loading job from a cloud data source (S3/GCS/Kafka) — needs a real cluster and bucket",
    "abortLoadingJob": "job ids come from runLoadingJob on a cloud data source",
    "abortLoadingJobs": "job ids come from runLoadingJob on a cloud data source",
    "resumeLoadingJob": "job ids come from runLoadingJob on a cloud data source",
    "getLoadingJobStatus": "job ids come from runLoadingJob on a cloud data source",
    "getLoadingJobsStatus": "job ids come from runLoadingJob on a cloud data source",
    "previewSampleData": "reads sample rows from a cloud data source (S3/GCS)",
    "getAsyncRequestStatus": "needs a 4.x asynchronous GSQL statement id, which the emulator does not issue",
    "cancelAsyncRequest": "needs a 4.x asynchronous GSQL statement id (and the sync client passes headers= to _put: TypeError)",
})
NOT_EXERCISED = {"TigerGraphConnection": dict(_COMMON), "AsyncTigerGraphConnection": dict(_COMMON)}
NOT_EXERCISED["TigerGraphConnection"]["installUDF"] = (
    "pyTigerGraph 2.0.2 calls the undefined _versionGreaterThan4_0() (AttributeError); "
    "the UDF endpoints are tested with plain HTTP and getUDF")
NOT_EXERCISED["AsyncTigerGraphConnection"]["delVerticesByType"] = (
    "pyTigerGraph 2.0.2's async delVerticesByType subscripts an un-awaited coroutine (TypeError); "
    "the sync one is tested")
