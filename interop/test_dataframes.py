"""The pandas DataFrame helpers (python3-pandas): each reads or writes through a RESTPP endpoint
whose JSON the test knows from setup.gsql, so the frames hold TigerGraph's values."""
import pandas as pd


def test_vertex_frames(graph):
    for read in (graph.getVertexDataFrame, graph.getVertexDataframe):
        df = read("Person", where="age<45", sort="age")
        # withId=True, withType=False: v_id (RESTPP sends ids as strings), then the attributes.
        assert list(df.columns) == ["v_id", "age", "score"]
        assert df["v_id"].tolist() == ["1", "2"]
        assert df["age"].tolist() == [30, 40]
    for read in (graph.getVertexDataFrameById, graph.getVertexDataframeById):
        df = read("Person", [3])
        assert df.to_dict("records") == [{"v_id": "3", "age": 50, "score": 3.5}]
    frame = graph.vertexSetToDataFrame(graph.getVertices("City"), withId=True, withType=True)
    # City has no attribute besides its id (no primary_id_as_attribute): only the two id columns.
    assert list(frame.columns) == ["v_id", "v_type"]
    assert sorted(frame["v_id"].tolist()) == ["10", "20", "30"]


def test_edge_frames(graph):
    for read in (graph.getEdgesDataFrame, graph.getEdgesDataframe):
        df = read("Person", 1, "knows", sort="weight")
        assert df[["from_id", "to_id", "weight"]].to_dict("records") == [
            {"from_id": "1", "to_id": "10", "weight": 5}, {"from_id": "1", "to_id": "20", "weight": 6}]
    frame = graph.edgeSetToDataFrame(graph.getEdges("Person", 3, "follows"), withType=True)
    assert list(frame.columns) == ["from_type", "from_id", "to_type", "to_id", "e_type", "since"]
    assert frame.iloc[0].tolist() == ["Person", "3", "City", "10", "follows", 2020]


def test_upserts_from_frames(graph):
    people = pd.DataFrame({"pid": [41, 42], "years": [21, 22]})
    # The REST upsert answers accepted_vertices / accepted_edges; pyTigerGraph returns the count.
    assert graph.upsertVertexDataFrame(people, "Person", v_id="pid", attributes={"age": "years"}) == 2
    assert graph.getVertexDataFrameById("Person", [42])["age"].tolist() == [22]
    trips = pd.DataFrame({"src": [41, 42], "dst": [20, 30], "n": [1, 2]})
    assert graph.upsertEdgeDataFrame(trips, "Person", "visits", "City", from_id="src", to_id="dst",
                                     attributes={"times": "n"}) == 2
    assert graph.getEdgesDataFrame("Person", 42, "visits")["times"].tolist() == [2]


def test_loading_job_from_a_frame(graph):
    graph.gs.gsql("USE GRAPH interop\nCREATE LOADING JOB load_frame FOR GRAPH interop {\n"
                  "  DEFINE FILENAME rows;\n"
                  '  LOAD rows TO VERTEX Person VALUES ($0, $1, $2) USING SEPARATOR=",";\n}')
    # to_csv without the header, index first: the index is the vertex id ($0).
    df = pd.DataFrame({"age": [61, 62], "score": [6.1, 6.2]}, index=[51, 52])
    res = graph.runLoadingJobWithDataFrame(df, "rows", "load_frame", sep=",")
    stats = res[0]["statistics"]["parsingStatistics"]
    assert stats["fileLevel"]["validLine"] == 2
    assert stats["objectLevel"]["vertex"][0]["validObject"] == 2
    assert graph.getVertexDataFrameById("Person", [52])["age"].tolist() == [62]
