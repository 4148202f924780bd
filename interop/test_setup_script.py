"""A setup script as users write one (setup.gsql) runs unchanged through gsql(), printing what
TigerGraph prints; CREATE GRAPH enters the new graph and DROP GRAPH … CASCADE leaves it."""


def test_first_run_prints_what_gsql_prints(graph):
    out = graph.setup_output
    # SET exit_on_error = FALSE: the DROP of a graph that does not exist yet is reported, the rest runs.
    assert "The graph interop does not exist" in out
    assert "The graph interop is created." in out
    assert "Successfully created tuple types: [every_field]." in out
    assert "Successfully created tuple types: [tag]." in out
    assert "Successfully created schema change jobs: [build_interop]." in out
    assert "Local schema change succeeded." in out
    # A local job names each type it adds, after "Doing schema change" (TigerGraph 3.x and 4.x output).
    assert ("Kick off schema change job build_interop\n"
            "Doing schema change on graph 'interop' (current version: 0)\n"
            "Trying to add local vertex 'Item' to the graph 'interop'.\n") in out
    assert "Trying to add local edge 'follows' and its reverse edge 'followed_by' to the graph 'interop'." in out
    assert "Trying to add local edge 'anything' to the graph 'interop'.\n\nGraph interop updated to new version 1" in out
    # Composite PRIMARY KEY, multi-pair and FROM *, TO * types are added like any other.
    assert "Trying to add local vertex 'Composite' to the graph 'interop'." in out
    assert "Trying to add local edge 'reaches' to the graph 'interop'." in out
    assert "Trying to add local edge 'self_loop' to the graph 'interop'.\n\nGraph interop updated to new version 2" in out
    assert "Successfully created queries: [total_age]." in out
    # A query without FOR GRAPH lands in the graph CREATE GRAPH made current.
    assert "Successfully created queries: [in_session]." in out
    assert "Successfully created queries: [draft]." in out
    assert "Successfully created queries: [every_param]." in out
    assert out.count("Query installation finished.") == 3
    assert out.count("has been created for user \"tigergraph\"") == 2
    # Nothing in the script is refused.
    for bad in ("Encountered \"", "Semantic Check Fails: No graph", "Failed to create", "does not exist.\n"):
        assert bad not in out


def test_the_data_it_upserted(graph):
    assert graph.getVertexCount("Person") == 3
    assert graph.getVertexCount("City") == 3
    assert graph.getEdgeCount("knows") == 3
    assert graph.getEdgeCount("reaches") == 2


def test_second_run_drops_and_rebuilds_the_graph(graph):
    out = graph.gs.gsql(open(__file__.replace("test_setup_script.py", "setup.gsql")).read())
    assert "The graph interop is dropped." in out
    assert "The graph interop is created." in out
    # Tuples are global: CASCADE keeps them, so the second TYPEDEF is refused (and the run goes on).
    assert "The tuple name every_field is used by another object!" in out
    assert "Local schema change succeeded." in out
    assert "The secret with alias interop_a already exists" in out
    assert graph.getVertexCount("Person") == 3


def test_the_session_graph_follows_create_and_drop(graph):
    gs = graph.gs
    out = gs.gsql("CREATE GRAPH scratch()\n"
                  "CREATE QUERY in_scratch() { PRINT 1; }\n"
                  "DROP GRAPH scratch CASCADE\n"
                  "CREATE QUERY orphan() { PRINT 1; }\n")
    # CREATE GRAPH enters the new graph, so the query needs no FOR GRAPH ...
    assert "Successfully created queries: [in_scratch]." in out
    assert "The graph scratch is dropped." in out
    # ... and dropping that graph leaves the session in no graph: a graph-local statement is refused.
    assert "Semantic Check Fails" in out.split("The graph scratch is dropped.")[1]
    assert "Successfully created queries: [orphan]." not in out
    assert gs.check_exist_graphs("scratch") is False
    # CASCADE took the graph's queries with it: a new graph of that name starts empty.
    again = gs.gsql("CREATE GRAPH scratch()\nUSE GRAPH scratch\nls\nDROP GRAPH scratch")
    assert "in_scratch" not in again


def test_help_lists_the_commands(graph):
    assert graph.gs.gsql("help").startswith("GSQL Help: Summary of TigerGraph GSQL Shell commands.")
