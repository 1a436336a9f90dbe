#!/usr/bin/env python3
"""Start-up of `assay --help`: median wall time and median CPU time (user + sys) of N runs of each
variant, and both as a ratio of the 0.5 s limit. On a loaded machine the CPU time is the steadier
figure: wall time then mostly measures waiting for a core.

Usage: JAVA=/path/to/java bench/cli-startup.py DIR [N]   (DIR holds assay.jar and the assay launcher)
"""
import os, statistics, subprocess, sys, tempfile, time

directory = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
java = os.environ.get("JAVA", "java")
jar = os.path.join(directory, "assay.jar")
cache = tempfile.mkdtemp(prefix="assay-cds-")
env = dict(os.environ, ASSAY_JAVA=java, XDG_CACHE_HOME=cache)
launcher = "assay --help (launcher: AppCDS archive + C1)"
variants = {
    "java -version (the JVM alone, a floor)": [java, "-version"],
    "java -jar assay.jar --help": [java, "-jar", jar, "--help"],
    "java -XX:TieredStopAtLevel=1 -jar assay.jar --help": [java, "-XX:TieredStopAtLevel=1", "-jar", jar, "--help"],
    launcher: [os.path.join(directory, "assay"), "--help"],
}


def run(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{command} failed: {status}")
    return wall, usage.ru_utime + usage.ru_stime


# The launcher writes its archive on the first run; that run is not counted.
run(variants[launcher])
print(f"{'variant':50} {'wall s':>7} {'cpu s':>7} {'wall/0.5s':>10} {'cpu/0.5s':>9}")
for name, command in variants.items():
    samples = [run(command) for _ in range(runs)]
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    print(f"{name:50} {wall:7.3f} {cpu:7.3f} {wall / 0.5:10.2f} {cpu / 0.5:9.2f}")
