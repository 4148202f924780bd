"""pyTigerGraph's side of `pnpm bench` (spawned by bench/src/lib/python.ts).

Connects to the bench's emulator (TGRAPH_BENCH_RESTPP_URL, TGRAPH_BENCH_GS_URL) and runs one
measurement, printing one JSON object on stdout's last line:

  read TYPE PREFIX IDS CALLS   one-vertex getVerticesById calls: per-call wall time and CPU
  upsert TYPE BATCH TOTAL      batched upsertVertices: CPU (time.process_time) per vertex
  load FILE TAG JOB            runLoadingJobWithFile: wall time and peak RSS growth (getrusage)

A missing pyTigerGraph prints {"error": ...} and exits 3, so the bench can skip this side.
"""
import json
import os
import resource
import statistics
import sys
import time
from urllib.parse import urlsplit

sys.path.insert(0, os.environ.get("PYTIGERGRAPH_PATH", ""))
try:
    import pyTigerGraph
except ImportError as error:  # the bench reports and skips this side
    print(json.dumps({"error": f"pyTigerGraph cannot be imported: {error}"}))
    sys.exit(3)


def connect():
    restpp = urlsplit(os.environ["TGRAPH_BENCH_RESTPP_URL"])
    gs = urlsplit(os.environ["TGRAPH_BENCH_GS_URL"])
    return pyTigerGraph.TigerGraphConnection(
        host=f"{restpp.scheme}://{restpp.hostname}", graphname="g",
        restppPort=str(restpp.port), gsPort=str(gs.port), version="4.2.0", gsqlVersion="4.2.0")


def quantile(sorted_values, q):
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[i]


def read(conn, vtype, prefix, ids, calls):
    ids, calls = int(ids), int(calls)
    for i in range(min(calls, 1000)):  # warm-up: connection pool, caches
        conn.getVerticesById(vtype, f"{prefix}{i % ids}")
    samples = []
    cpu0 = time.process_time()
    for i in range(calls):
        t = time.perf_counter()
        rows = conn.getVerticesById(vtype, f"{prefix}{i % ids}")
        samples.append((time.perf_counter() - t) * 1000)
        if len(rows) != 1:
            raise RuntimeError(f"read of {prefix}{i % ids} returned {len(rows)} rows")
    cpu_ms = (time.process_time() - cpu0) * 1000
    samples.sort()
    return {"calls": calls, "medianMs": statistics.median(samples), "p95Ms": quantile(samples, 0.95),
            "p99Ms": quantile(samples, 0.99), "meanMs": statistics.fmean(samples),
            "cpuMsPerCall": cpu_ms / calls}


def upsert(conn, vtype, batch, total):
    batch, total = int(batch), int(total)
    batches = [[(f"p{i}", {"name": f"person number {i}", "score": i % 1000})
                for i in range(start, min(total, start + batch))] for start in range(0, total, batch)]
    conn.upsertVertices(vtype, batches[0])  # warm-up: connection pool; not counted
    accepted = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for rows in batches:
        accepted += conn.upsertVertices(vtype, rows)
    cpu_ms = (time.process_time() - cpu0) * 1000
    wall_ms = (time.perf_counter() - wall0) * 1000
    return {"batch": batch, "total": total, "accepted": accepted, "cpuMs": cpu_ms, "wallMs": wall_ms}


def max_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def load(conn, path, tag, job):
    baseline = max_rss_bytes()
    wall0 = time.perf_counter()
    res = conn.runLoadingJobWithFile(path, tag, job, timeout=0, sizeLimit=2**31)
    wall_ms = (time.perf_counter() - wall0) * 1000
    stats = res[0]["statistics"]["parsingStatistics"]["fileLevel"]
    return {"bytes": os.path.getsize(path), "wallMs": wall_ms, "baselineMaxRss": baseline,
            "peakMaxRss": max_rss_bytes(), "statistics": stats}


def main(argv):
    commands = {"read": read, "upsert": upsert, "load": load}
    if not argv or argv[0] not in commands:
        raise SystemExit(f"usage: pytg_driver.py {'|'.join(commands)} ARGS…")
    result = commands[argv[0]](connect(), *argv[1:])
    print(json.dumps({"pyTigerGraph": pyTigerGraph.__version__, **result}))


if __name__ == "__main__":
    main(sys.argv[1:])
