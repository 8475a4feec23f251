"""Runs nndl4j and its peers (numpy, PyTorch, DL4J) on the same workloads in one run and writes the Markdown tables
the README's speed section quotes. Started by src/bench/run.sh, which installs the peers and builds both Java sides;
run that, not this. Standard library only.

Method: every process runs one workload of one peer at one precision and thread count, pinned with taskset (core 0
for one thread, cores 0,1 for two) with its thread count set (OMP/OPENBLAS/MKL_NUM_THREADS, torch.set_num_threads,
TrainingConfig.withThreads); the runs are interleaved (A, B, C, A, B, C, ...); each process times its own iterations
after its warm-up and prints one JSON line; the median of the runs is reported; peak RSS is /usr/bin/time's maximum
resident set size of the whole process, for every peer alike.
"""
import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

WORKLOADS = {
    "cat-gd": ("cat L-layer [12288,20,7,5,1], m = 209, full-batch GD", (12288, 20, 7, 5, 1), 209),
    "tall-gd": ("tall [784,128,64,1], m = 60,000, full-batch GD", (784, 128, 64, 1), 60_000),
    "tall-adam": ("tall, Adam, mini-batches of 256 (s per epoch)", (784, 128, 64, 1), 60_000),
}
# the columns of the main tables: (peer, precision)
COLUMNS = [("nndl4j", "f64"), ("nndl4j", "f32"), ("numpy", "f64"), ("torch", "f64"), ("torch", "f32"),
           ("dl4j", "f64"), ("dl4j", "f32")]
TITLES = {("nndl4j", "f64"): "nndl4j PRIMAL f64", ("nndl4j", "f32"): "nndl4j f32", ("numpy", "f64"): "numpy f64",
          ("torch", "f64"): "PyTorch f64", ("torch", "f32"): "PyTorch f32", ("dl4j", "f64"): "DL4J f64",
          ("dl4j", "f32"): "DL4J f32"}
# first-iteration costs must agree with the reference (numpy f64, else nndl4j f64) to this relative difference
AGREEMENT = {"f64": 1e-10, "f32": 1e-5}


def gemm_flops(dims, m):
    """Multiply-adds x 2 of one forward + backward pass over m examples without dA0:
    forward W[l]·A[l-1] and backward dW[l] = dZ[l]·A[l-1]ᵀ for every layer, dA[l-1] = W[l]ᵀ·dZ[l] for l >= 2:
    2·m·(3·Σ n[l]·n[l-1] − n[1]·n[0]). Element-wise work (bias, activations, cost) is O(m·Σ n[l]) and not counted."""
    products = [dims[l] * dims[l - 1] for l in range(1, len(dims))]
    return 2 * m * (3 * sum(products) - products[0])


def parse():
    p = argparse.ArgumentParser(description=" ".join(__doc__.split("\n")[:2]))
    p.add_argument("--quick", action="store_true", help="one run, one thread, fewer iterations: to try it")
    p.add_argument("--runs", type=int, help="runs of every process; the median is reported (default 3, quick 1)")
    p.add_argument("--threads", help="thread counts, comma-separated (default 1,2; quick 1)")
    p.add_argument("--workloads", default="cat-gd,tall-gd,tall-adam,optimizers,example",
                   help="comma-separated: cat-gd,tall-gd,tall-adam,optimizers,example")
    p.add_argument("--peers", default="nndl4j,numpy,torch,dl4j", help="comma-separated peers to run")
    p.add_argument("--nndl4j-precisions", default="f64,f32",
                   help="nndl4j's precisions: f64 and f32 (TrainingConfig.withPrecision) by default")
    p.add_argument("--skip", action="append", default=[], help="PEER=REASON: a peer run.sh could not set up")
    p.add_argument("--data", help="the directory PeerWorkloads prepare wrote")
    p.add_argument("--classpath", help="nndl4j's class path")
    p.add_argument("--dl4j-classpath", default="", help="the DL4J side's class path")
    p.add_argument("--jvm-flags", default="", help="flags for nndl4j's JVM (e.g. --add-modules jdk.incubator.vector)")
    p.add_argument("--example-jvm-flags", default=None,
                   help="flags for the whole example's JVM (default: those of --jvm-flags)")
    p.add_argument("--numpy-python", default="python3")
    p.add_argument("--torch-python", default="/usr/bin/python3")
    p.add_argument("--course-numpy", help="course_numpy.py (the numpy trainings of the example)")
    p.add_argument("--out", required=True, help="the Markdown file to write")
    p.add_argument("--log", required=True, help="the JSON-lines file of every process's result")
    p.add_argument("--report-only", nargs="+", metavar="LOG",
                   help="measure nothing: rebuild the tables from the JSON-lines logs of earlier runs")
    a = p.parse_args()
    if not a.report_only and not (a.data and a.classpath and a.course_numpy):
        p.error("--data, --classpath and --course-numpy are needed to measure")
    a.runs = a.runs or (1 if a.quick else 3)
    a.threads = [int(t) for t in (a.threads or ("1" if a.quick else "1,2")).split(",")]
    a.workloads = a.workloads.split(",")
    a.peers = a.peers.split(",")
    a.skipped = dict(s.split("=", 1) for s in a.skip)
    a.bench = os.path.dirname(os.path.abspath(__file__))
    return a


def cores(threads):
    return ",".join(str(c) for c in range(threads))


def env_for(threads):
    env = dict(os.environ)
    for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[v] = str(threads)
    return env


def timed_process(cmd, threads, log_label):
    """Runs cmd pinned to `threads` cores under /usr/bin/time -v; returns (stdout, stderr, rc, peak RSS bytes, wall s)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = ["/usr/bin/time", "-v", "-o", t.name, "taskset", "-c", cores(threads)] + cmd
        start = time.perf_counter()
        r = subprocess.run(full, capture_output=True, text=True, env=env_for(threads))
        wall = time.perf_counter() - start
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", t.read())
    rss = int(m.group(1)) * 1024 if m else None
    if r.returncode != 0:
        tail = "\n".join(r.stderr.strip().splitlines()[-5:])
        print(f"  {log_label}: failed (exit {r.returncode}): {tail}", flush=True)
    return r.stdout, r.stderr, r.returncode, rss, wall


def iteration_flags(a, workload):
    """Warm-up, then the timed steady state, the same for every peer. nndl4j's JIT compiles a training's methods during
    its first steps: on the tall workload C2's last compiles of the engine fell in the 6th iteration (PrintCompilation,
    2026-11-30), and iterations 3-7 took 0.83 s against 0.76 s for iterations 9-13; on the tall Adam the second epoch
    took 1.14-1.22 s and the third 0.99-1.00 s. The JVM's start-up and warm-up are the whole example's row.

    The cat's iterations are short (4-40 ms), so 50 of them end long before C2 has done: at one thread nndl4j's
    float32 iterations 50-100 took 4.25 ms and those after the 900th 3.8-4.0 (2026-12-01, blocks of 50), and its
    float64 at two threads 6.55 ms against 4.7-4.9 after the 450th. So every peer first repeats the whole cat run,
    untimed, for 5 s (--warmup-seconds; a new network from the initial parameters each time), then runs the one it
    reports: nndl4j's float32 cat then took 3.94-4.04 ms against 4.64-4.79 without, and PyTorch's float32 4.1-4.9
    against 4.5-5.8 (pairs, one thread). The processes' peak RSS includes the warm-up runs."""
    if workload == "cat-gd":
        return (["--warmup", "3", "--iterations", "10"] if a.quick
                else ["--warmup", "50", "--iterations", "50", "--warmup-seconds", "5"])
    if workload == "tall-gd":
        return ["--warmup", "1", "--iterations", "1"] if a.quick else ["--warmup", "6", "--iterations", "5"]
    return ["--epochs", "2"] if a.quick else ["--epochs", "3"]


def command(a, peer, precision, workload, threads):
    flags = [workload] + iteration_flags(a, workload) + ["--threads", str(threads), "--precision", precision]
    if peer == "nndl4j":
        return ["java"] + a.jvm_flags.split() + ["-cp", a.classpath, "org.nndl4j.examples.PeerWorkloads", "run"] + flags
    if peer == "numpy":
        return [a.numpy_python, os.path.join(a.bench, "peers", "numpy_peer.py")] + flags + ["--data", a.data]
    if peer == "torch":
        return [a.torch_python, os.path.join(a.bench, "peers", "torch_peer.py")] + flags + ["--data", a.data]
    return ["java", "-cp", a.dl4j_classpath, "org.nndl4j.bench.Dl4jWorkloads"] + flags + ["--data", a.data]


def columns(a):
    cols = []
    for peer, precision in COLUMNS:
        if peer not in a.peers or peer in a.skipped:
            continue
        if peer == "nndl4j" and precision not in a.nndl4j_precisions.split(","):
            continue
        cols.append((peer, precision))
    return cols


def run_peer_workloads(a, log):
    """{(workload, threads, peer, precision): [result dicts]}, interleaving the peers run by run."""
    results = {}
    for workload in [w for w in a.workloads if w in WORKLOADS]:
        for threads in a.threads:
            for r in range(a.runs):
                for peer, precision in columns(a):
                    label = f"{workload} {threads}T run {r + 1}/{a.runs} {peer} {precision}"
                    out, err, rc, rss, wall = timed_process(command(a, peer, precision, workload, threads), threads, label)
                    line = next((l for l in out.splitlines() if l.startswith("{")), None)
                    if rc != 0 or line is None:
                        res = {"peer": peer, "precision": precision, "workload": workload, "threads": threads,
                               "error": (err.strip().splitlines() or ["no output"])[-1][:200]}
                    else:
                        res = json.loads(line)
                        res["peak_rss"] = rss
                        res["wall"] = wall
                        print(f"  {label}: {res['seconds']:.4g} s/{res['per']}, peak RSS {mb(rss)}, "
                              f"first cost {res['first_cost']:.10g}", flush=True)
                    log.write(json.dumps(res) + "\n")
                    log.flush()
                    results.setdefault((workload, threads, peer, precision), []).append(res)
    return results


def mb(b):
    return "?" if b is None else (f"{b / 2**30:.2f} GB" if b >= 2**30 else f"{b / 2**20:.0f} MB")


def median_of(runs, key):
    values = [r[key] for r in runs if key in r and r[key] is not None]
    return statistics.median(values) if values else None


def seconds_cell(runs, gflop, asked):
    if not runs:
        return "—"
    s = median_of(runs, "seconds")
    if s is None:
        return "failed: " + runs[0].get("error", "?").replace("|", "/")[:60]
    spread = [r["seconds"] for r in runs if "seconds" in r]
    text = f"{s:.4g}"
    if len(spread) > 1:
        text += f" ({min(spread):.3g}–{max(spread):.3g})"
    if len(spread) < asked:
        text += f" [{len(spread)} run{'s' if len(spread) > 1 else ''}]"
    return text + f" · {gflop / s:.1f} GF/s"


def tables(a, results, cols):
    lines = []
    header = "| workload | threads | " + " | ".join(TITLES[c] for c in COLUMNS) + " | nndl4j ÷ fastest f64 peer |"
    rule = "|---|---:|" + "---:|" * (len(COLUMNS) + 1)
    lines += ["### Seconds per iteration (per epoch for Adam): median (min–max) · GFLOP/s", "", header, rule]
    memory = ["### Peak resident memory (max RSS of the whole process, median)", "", header.replace(
        "nndl4j ÷ fastest f64 peer", "nndl4j ÷ smallest f64 peer"), rule]
    guard = ["### Same work: the cost at the initial parameters (first iteration; first mini-batch for Adam)", "",
             "| workload | threads | peer | first cost | relative difference to the reference | verdict |",
             "|---|---:|---|---:|---:|---|"]
    mismatches = 0
    for workload in [w for w in a.workloads if w in WORKLOADS]:
        title, dims, m = WORKLOADS[workload]
        gflop = gemm_flops(dims, m) / 1e9
        for threads in a.threads:
            row, mem = [], []
            for c in COLUMNS:
                runs = results.get((workload, threads) + c, [])
                if c not in cols:
                    why = a.skipped.get(c[0])
                    row.append("—" if not why else "skipped")
                    mem.append(row[-1])
                    continue
                row.append(seconds_cell(runs, gflop, a.runs))
                rss = median_of(runs, "peak_rss")
                mem.append(mb(rss) if rss else "—")
            ours = median_of(results.get((workload, threads, "nndl4j", "f64"), []), "seconds")
            peers = {c: median_of(results.get((workload, threads) + c, []), "seconds")
                     for c in cols if c[0] != "nndl4j" and c[1] == "f64"}
            peers = {c: s for c, s in peers.items() if s}
            ratio = "—"
            if ours and peers:
                best = min(peers, key=peers.get)
                ratio = f"{ours / peers[best]:.2f} ({TITLES[best]})"
            mem_ours = median_of(results.get((workload, threads, "nndl4j", "f64"), []), "peak_rss")
            mem_peers = {c: median_of(results.get((workload, threads) + c, []), "peak_rss")
                         for c in cols if c[0] != "nndl4j" and c[1] == "f64"}
            mem_peers = {c: v for c, v in mem_peers.items() if v}
            mem_ratio = "—"
            if mem_ours and mem_peers:
                best = min(mem_peers, key=mem_peers.get)
                mem_ratio = f"{mem_ours / mem_peers[best]:.2f} ({TITLES[best]})"
            lines.append(f"| {title} | {threads} | " + " | ".join(row) + f" | {ratio} |")
            memory.append(f"| {title} | {threads} | " + " | ".join(mem) + f" | {mem_ratio} |")
            reference = next((median_of(results.get((workload, threads) + c, []), "first_cost")
                              for c in (("numpy", "f64"), ("nndl4j", "f64"))
                              if median_of(results.get((workload, threads) + c, []), "first_cost") is not None), None)
            for c in cols:
                costs = [r["first_cost"] for r in results.get((workload, threads) + c, []) if "first_cost" in r]
                if not costs or reference is None:
                    continue
                worst = max(abs(x - reference) / abs(reference) for x in costs)
                ok = worst <= AGREEMENT[c[1]]
                mismatches += 0 if ok else 1
                guard.append(f"| {workload} | {threads} | {TITLES[c]} | {costs[0]:.15g} | {worst:.1e} | "
                             f"{'same' if ok else '**MISMATCH** (> %g)' % AGREEMENT[c[1]]} |")
    return lines, memory, guard, mismatches


def run_optimizers(a, log):
    """The existing OptimizerBenchmark (nndl4j against the course's numpy), pinned, at each thread count."""
    out = []
    for threads in a.threads:
        cmd = ["java"] + a.jvm_flags.split() + ["-cp", a.classpath, "org.nndl4j.examples.OptimizerBenchmark",
                                                "--runs", str(a.runs), "--threads", str(threads),
                                                "--python", a.numpy_python]
        if "numpy" not in a.peers or "numpy" in a.skipped:
            cmd.append("--no-numpy")
        print(f"  optimizers {threads}T: OptimizerBenchmark --runs {a.runs} --threads {threads}", flush=True)
        stdout, err, rc, rss, wall = timed_process(cmd, threads, f"optimizers {threads}T")
        table = [l for l in stdout.splitlines() if l.startswith("|")]
        log.write(json.dumps({"workload": "optimizers", "threads": threads, "runs": a.runs,
                              "table": table if rc == 0 else [], "error": "" if rc == 0 else err.strip()[-300:]}) + "\n")
        out += [f"#### Mini-batch trainings against numpy, {threads} thread{'s' if threads > 1 else ''} "
                f"(OptimizerBenchmark, median of {a.runs} after one warm-up round, whose times are the "
                f"\"first run\" column; numpy and nndl4j in one process pair, numpy after nndl4j)",
                ""]
        out += table if rc == 0 and table else [f"failed (exit {rc}): {err.strip()[-300:]}"]
        out.append("")
    return out


EXAMPLE_JAVA_PER_ROUND = 3
"""Runs of the whole Java example before each numpy run. A Java run takes about 2 s, a numpy run 70-80 s: one sample of
each per round left the Java median at the mercy of the machine's slow phases, which last seconds (within one process,
rounds of the same training alternate between 0.14 and 0.24 s); numpy's long runs average over them."""


def run_example(a, log):
    """The whole CatDeepNetwork example (JVM start to last picture) against the numpy trainings it replaces, back to
    back on one core, interleaved: EXAMPLE_JAVA_PER_ROUND Java runs, then one numpy run, a.runs times."""
    java, numpy_runs = [], []
    flags = a.jvm_flags if a.example_jvm_flags is None else a.example_jvm_flags
    with tempfile.TemporaryDirectory() as pictures:
        java_cmd = ["java"] + flags.split() + ["-cp", a.classpath, "org.nndl4j.examples.CatDeepNetwork", "--out",
                                               pictures]
        numpy_cmd = [a.numpy_python, a.course_numpy, a.data, "1", "two-layer,l-layer"]
        for r in range(a.runs):
            for k in range(EXAMPLE_JAVA_PER_ROUND):
                _, err, rc, rss, wall = timed_process(java_cmd, 1, "example nndl4j")
                if rc == 0:
                    java.append((wall, rss, flags))
                    print(f"  example run {r + 1}/{a.runs} nndl4j CatDeepNetwork ({k + 1}/{EXAMPLE_JAVA_PER_ROUND}): "
                          f"{wall:.2f} s wall, {mb(rss)}", flush=True)
                    log.write(json.dumps({"peer": "nndl4j", "workload": "example", "wall": wall,
                                          "peak_rss": rss, "flags": flags}) + "\n")
            if "numpy" in a.peers and "numpy" not in a.skipped:
                out, err, rc, rss, wall = timed_process(numpy_cmd, 1, "example numpy")
                if rc == 0:
                    seconds = {json.loads(l)["workload"]: json.loads(l)["seconds"]
                               for l in out.splitlines() if l.startswith("{") and '"workload"' in l}
                    numpy_runs.append((seconds, rss))
                    print(f"  example run {r + 1}/{a.runs} numpy trainings: {seconds}", flush=True)
                    log.write(json.dumps({"peer": "numpy", "workload": "example", "seconds": seconds,
                                          "peak_rss": rss}) + "\n")
    return render_example(java, numpy_runs)


def render_example(java, numpy_runs):
    out = ["### The whole CatDeepNetwork example against the numpy trainings it replaces (one core, back to back)", "",
           "| | runs | seconds (median) | peak RSS |", "|---|---:|---:|---:|"]
    if java:
        walls = [w for w, _, _ in java]
        flags = " ".join(sorted({f for _, _, f in java if f}))
        out.append(f"| nndl4j: `java {flags + ' ' if flags else ''}-cp ... org.nndl4j.examples.CatDeepNetwork` (JVM "
                   f"start, HDF5, both trainings, predictions, 3 PNGs) | {len(java)} | {statistics.median(walls):.2f} s "
                   f"({min(walls):.2f}–{max(walls):.2f}) | {mb(statistics.median(r for _, r, _ in java))} |")
    total = None
    if numpy_runs:
        two = statistics.median(s["two-layer"] for s, _ in numpy_runs)
        deep = statistics.median(s["l-layer"] for s, _ in numpy_runs)
        totals = [s["two-layer"] + s["l-layer"] for s, _ in numpy_runs]
        total = statistics.median(totals)
        out.append(f"| numpy, the course's code: two-layer {two:.1f} s + L-layer {deep:.1f} s (2500 iterations each) | "
                   f"{len(numpy_runs)} | {total:.1f} s ({min(totals):.1f}–{max(totals):.1f}) | "
                   f"{mb(statistics.median(r for _, r in numpy_runs))} |")
    if java and total:
        ours = statistics.median(w for w, _, _ in java)
        out += ["", f"nndl4j's whole example takes **1/{total / ours:.0f}** of numpy's trainings (goal: 1/30 or less). "
                f"Medians of {len(java)} nndl4j runs and {len(numpy_runs)} numpy runs, alternating: a Java run lasts "
                f"about 2 s and a numpy run over a minute, so the Java runs come several at a time, as the machine has "
                f"slow phases of a few seconds."]
    return out + [""]


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            model = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{model}, {os.cpu_count()} cores"


def from_logs(a):
    """The results of earlier runs, read back from their JSON-lines logs (--report-only)."""
    results, optimizers, java, numpy_runs, headers = {}, [], [], [], []
    for name in a.report_only:
        with open(name) as f:
            for line in f:
                r = json.loads(line)
                if "header" in r:
                    headers.append(r["header"])
                elif r.get("workload") in WORKLOADS:
                    results.setdefault((r["workload"], r["threads"], r["peer"], r["precision"]), []).append(r)
                elif r.get("workload") == "optimizers":
                    optimizers += [f"#### Mini-batch trainings against numpy, {r['threads']} thread"
                                   f"{'s' if r['threads'] > 1 else ''} (OptimizerBenchmark, median of {r['runs']}; "
                                   f"nndl4j's runs first, then numpy's)", ""]
                    optimizers += (r["table"] or [f"failed: {r['error']}"]) + [""]
                elif r.get("workload") == "example":
                    if r["peer"] == "nndl4j":
                        java.append((r["wall"], r["peak_rss"], r.get("flags")))
                    else:
                        numpy_runs.append((r["seconds"], r["peak_rss"]))
    example = render_example(java, numpy_runs) if java or numpy_runs else []
    return results, optimizers, example, headers


def main():
    a = parse()
    started = time.time()
    load_before = os.getloadavg()
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cols = columns(a)
    headers = []
    if a.report_only:
        results, optimizers, example, headers = from_logs(a)
        if headers:
            when = headers[0]["when"]
            a.runs = max(h["runs"] for h in headers)
            a.threads = sorted({t for h in headers for t in h["threads"]})
            load_before = (0, max(h["load5"] for h in headers), 0)
    else:
        print(f"peer benchmark: {', '.join(TITLES[c] for c in cols)}; threads {a.threads}; median of {a.runs}",
              flush=True)
        for peer, why in a.skipped.items():
            print(f"  skipped {peer}: {why}", flush=True)
        with open(a.log, "w") as log:
            log.write(json.dumps({"header": {"when": when, "load5": load_before[1], "runs": a.runs,
                                             "threads": a.threads}}) + "\n")
            results = run_peer_workloads(a, log)
            optimizers = run_optimizers(a, log) if "optimizers" in a.workloads and "nndl4j" in a.peers else []
            example = run_example(a, log) if "example" in a.workloads and "nndl4j" in a.peers else []
    load_after = os.getloadavg()
    speed, memory, guard, mismatches = tables(a, results, cols)
    versions = sorted({r["version"] for runs in results.values() for r in runs if "version" in r})
    quiet = max(load_before[1], load_after[1]) < 0.5
    if a.report_only:
        load = (f"Load average (5 min) at the start of the run: {load_before[1]:.2f}" if headers
                else "Load average: not in the log")
        quiet = bool(headers) and load_before[1] < 0.5
    else:
        load = f"Load average (5 min) {load_before[1]:.2f} before, {load_after[1]:.2f} after"
    doc = [f"## Peer benchmark, {when}", "",
           f"Machine: {machine()}. {load}"
           + ("." if quiet else ": **measured while the machine was shared**; indicative only."),
           f"Median of {a.runs} run(s) per cell; threads {', '.join(map(str, a.threads))}; each process pinned "
           f"(taskset) with its thread count set; runs interleaved; warm-up excluded "
           f"({'quick mode' if a.quick else 'cat: 5 s of untimed runs, then 50 warm-up + 50 timed iterations; tall: 6 + 5; Adam: 2 epochs + 1 timed'}); "
           + (f"rebuilt from {', '.join(map(os.path.basename, a.report_only))}." if a.report_only
            else f"{(time.time() - started) / 60:.1f} min in all."),
           "Versions: " + "; ".join(versions) + ".",
           "GFLOP/s counts the products of forward + backward without dA0: 2·m·(3·Σ n[l]·n[l−1] − n[1]·n[0]) "
           + "; ".join(f"{w}: {gemm_flops(d, m) / 1e9:.4g} GFLOP" for w, (_, d, m) in WORKLOADS.items()
                       if w in a.workloads) + " per iteration (per epoch for Adam).",
           "A dash: not run" + "".join(
               f"; {p} skipped: {why}" for p, why in a.skipped.items()) + ".", ""]
    doc += speed + [""] + memory + [""] + guard + [""] + optimizers + example
    text = "\n".join(doc) + "\n"
    with open(a.out, "w") as f:
        f.write(text)
    print()
    print(text)
    print(f"written to {a.out}; every process's result in {a.log}")
    if mismatches:
        print(f"{mismatches} first-iteration costs disagree: the peers did not compute the same thing", file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main()
