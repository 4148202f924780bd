"""Small helpers shared by the interop tests."""
import pytest
from pyTigerGraph.common.exception import TigerGraphException

V4_ONLY = "This function is only supported on versions of TigerGraph >= 4.0."


def checked(graph):
    """The connection for a GSQL-server method pyTigerGraph first version-checks: `graph.gs`, except
    on 3.x, where pyTigerGraph refuses such a method itself after reading the version from RESTPP,
    which (RESTPP auth on) only the token connection `graph` can do (see conftest.py)."""
    return graph.gs if graph.server.v4 else graph


def only_v4(tg, call):
    """4.1+ methods: on 3.x pyTigerGraph refuses them itself (its version probe) before any request."""
    if tg.server.v4:
        return call()
    with pytest.raises(TigerGraphException) as err:
        call()
    assert "only supported on versions of TigerGraph >=" in str(err.value)
    return None
