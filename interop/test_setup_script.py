"""A setup script as users write one (setup.gsql) runs unchanged through gsql(), printing what
TigerGraph prints; CREATE GRAPH enters the new graph and DROP GRAPH … CASCADE leaves it."""


def test_first_run_prints_what_gsql_prints(graph):
    out = graph.setup_output
    # SET exit_on_error = FALSE: the DROP of a graph that does not exist yet is reported, the rest runs.
    assert "The graph interop does not exist" in out
    assert "The graph interop is created." in out
    assert "Successfully created tuple types: [every_field]." in out
    assert "Successfully created schema change jobs: [build_interop]." in out
    assert "Local schema change succeeded." in out
    # A local job names each type it adds, after "Doing schema change" (TigerGraph 3.x and 4.x output).
    assert ("Kick off schema change job build_interop\n"
            "Doing schema change on graph 'interop' (current version: 0)\n"
            "Trying to add local vertex 'Item' to the graph 'interop'.\n") in out
    assert "Trying to add local edge 'follows' and its reverse edge 'followed_by' to the graph 'interop'." in out
    assert "Trying to add local edge 'anything' to the graph 'interop'.\n\nGraph interop updated to new version 1" in out
    assert "Successfully created queries: [total_age]." in out
    assert "Query installation finished." in out
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


def test_help_lists_the_commands(graph):
    assert graph.gs.gsql("help").startswith("GSQL Help: Summary of TigerGraph GSQL Shell commands.")
