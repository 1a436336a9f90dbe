#!/usr/bin/env python3
"""Start-up time of `assay --help`: median and p90 wall time of N runs of each variant.

Usage: bench/cli-startup.py DIR [N]   (DIR holds assay.jar and the assay launcher; JAVA picks the JDK)
"""
import os, statistics, subprocess, sys, tempfile, time

directory = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
java = os.environ.get("JAVA", "java")
jar = os.path.join(directory, "assay.jar")
cache = tempfile.mkdtemp(prefix="assay-cds-")
env = dict(os.environ, ASSAY_JAVA=java, XDG_CACHE_HOME=cache)

variants = {
    "java -jar assay.jar --help": [java, "-jar", jar, "--help"],
    "java -XX:TieredStopAtLevel=1 -jar assay.jar --help": [java, "-XX:TieredStopAtLevel=1", "-jar", jar, "--help"],
    "assay --help (launcher: AppCDS archive + C1)": [os.path.join(directory, "assay"), "--help"],
}
# The launcher writes its archive on the first run; that run is not counted.
subprocess.run(variants["assay --help (launcher: AppCDS archive + C1)"], env=env, capture_output=True, check=True)

print(f"{'variant':55} {'median s':>9} {'p90 s':>7} {'median/0.5s':>12}")
for name, command in variants.items():
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    times.sort()
    median = statistics.median(times)
    p90 = times[int(0.9 * (len(times) - 1))]
    print(f"{name:55} {median:9.3f} {p90:7.3f} {median / 0.5:12.2f}")
