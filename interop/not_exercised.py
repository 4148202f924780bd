"""Public methods the suite does not call, each with its reason (checked against pyTigerGraph
2.0.2's source; file and line numbers are of ../shared/vendor/pyTigerGraph-2.0.2/pyTigerGraph)."""

_COMMON = {
    "getStatistics": "a pyTigerGraph 2.0.2 defect: it calls _prep_get_statistics(self, seconds, segments), "
                     "a two-argument helper (common/query.py), so it raises TypeError before any request; "
                     "the same endpoint is tested through getQueryPerformance",
    "previewSampleData": "4.x POST /gsql/v1/sample-data reads sample rows from a file in a cloud data "
                         "source (an S3/GCS/ABS bucket); the emulator never connects to data sources and "
                         "does not serve it (emulator README), and TigerGraph's reply is not documented",
    "getAsyncRequestStatus": "needs the id of a 4.x GSQL statement run with POST /gsql/v1/statements?async=true; "
                             "pyTigerGraph's gsql() never asks for one and neither the docs nor the reference "
                             "document the reply that hands it out, so the emulator serves no such ids",
    "cancelAsyncRequest": "as getAsyncRequestStatus; besides, the sync client passes headers= to _put, "
                          "which has no such parameter (TypeError)",
}
NOT_EXERCISED = {"TigerGraphConnection": dict(_COMMON), "AsyncTigerGraphConnection": dict(_COMMON)}
NOT_EXERCISED["TigerGraphConnection"]["start_mcp_server"] = (
    "starts pyTigerGraph's Model Context Protocol server (needs the optional `mcp` package, not in "
    "Debian); it serves AI agents and sends no request of its own to the database")
NOT_EXERCISED["TigerGraphConnection"]["installUDF"] = (
    "a pyTigerGraph 2.0.2 defect: both of its branches call self._versionGreaterThan4_0(), which does "
    "not exist (AttributeError) before any request; the UDF endpoints are tested with getUDF and plain HTTP")
NOT_EXERCISED["AsyncTigerGraphConnection"]["delVerticesByType"] = (
    "a pyTigerGraph 2.0.2 defect: `await self._delete(url)[\"deleted_vertices\"]` subscripts the "
    "un-awaited coroutine (TypeError) before any request; the sync one is tested")

# Sub-clients reached through attributes of TigerGraphConnection (not methods, so not in the count).
SUB_CLIENTS = {
    "gds": "conn.gds, the graph-data-science client: its data loaders stream batches through Kafka or "
           "hand them to PyTorch/PyG/DGL/TensorFlow (none in Debian's python3 set, and Kafka needs a "
           "broker); its featurizer and splitters install TigerGraph's algorithm-library queries and "
           "are not run by this suite",
    "ai": "conn.ai, the CoPilot/GraphRAG client: every call goes to a separate GraphRAG service "
          "(configureGraphRAGHost), not to the database the emulator stands in for",
}
