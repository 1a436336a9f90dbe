#!/usr/bin/env python3
"""Where the evaluation worker threads spend their time, from a JFR recording.

    jfr print --events jdk.ExecutionSample --stack-depth 64 recording.jfr | bench/jfr-worker-profile.py

Counts the CPU samples of the threads named evaluation-worker-* and puts each in one bucket, by
the first matching rule over its stack (innermost frame first): the metric library, the budget
watchdog's bookkeeping, the PostgreSQL driver and connection pool, JSON, input mapping in the
evaluation package, and everything else. Also prints the samples of every other thread, by name,
so the share of the HTTP server, the poller and the JIT can be compared.
"""
import collections
import re
import sys

BUCKETS = [
    ("metric scoring (dev.assay.metrics)", re.compile(r"^dev\.assay\.metrics\.")),
    ("PostgreSQL driver and pool (org.postgresql, com.zaxxer)", re.compile(r"^(org\.postgresql|com\.zaxxer)\.")),
    ("Spring JDBC (row mapping, parameters)", re.compile(r"^org\.springframework\.jdbc\.")),
    ("JSON (tools.jackson, com.fasterxml)", re.compile(r"^(tools\.jackson|com\.fasterxml)\.")),
    ("logging", re.compile(r"^(ch\.qos\.logback|org\.slf4j)\.")),
    ("evaluation package (loading, budget, writing)", re.compile(r"^dev\.assay\.evaluation\.")),
]

def main():
    worker = collections.Counter()
    threads = collections.Counter()
    thread, frames = None, []
    for line in sys.stdin:
        line = line.strip()
        if line.startswith("sampledThread"):
            thread = re.sub(r'^sampledThread = "([^"]*)".*', r"\1", line)
            frames = []
        elif line and line[0].isalpha() and "line:" in line or line.endswith(")") and "(" in line and not line.startswith("sampledThread"):
            frames.append(line)
        elif line == "}" and thread is not None:
            name = re.sub(r"\d+$", "N", thread)
            threads[name] += 1
            if thread.startswith("evaluation-worker-"):
                bucket = "other"
                for frame in frames:
                    for label, pattern in BUCKETS:
                        if pattern.search(frame):
                            bucket = label
                            break
                    if bucket != "other":
                        break
                worker[bucket] += 1
            thread = None
    total = sum(worker.values())
    print(f"evaluation-worker-* threads: {total} samples")
    for label, count in worker.most_common():
        print(f"  {100.0 * count / max(total, 1):5.1f} %  {label}")
    all_samples = sum(threads.values())
    print(f"all threads: {all_samples} samples")
    for name, count in threads.most_common(12):
        print(f"  {100.0 * count / max(all_samples, 1):5.1f} %  {name}")

main()
