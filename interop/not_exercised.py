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

NOT_EXERCISED = {"TigerGraphConnection": dict(_COMMON), "AsyncTigerGraphConnection": dict(_COMMON)}
