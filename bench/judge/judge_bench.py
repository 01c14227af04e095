#!/usr/bin/python3
"""The judge benchmark (bench/README.md, "The judge"): MLLM calls per image three ways, the
throughput against the simulator's capacity, the runtime's own CPU time per image and its peak
memory, on os-bench.clue with a corpus that `clue-sim gen` writes.

    bench/judge/judge_bench.py --build build --out /tmp/judge-bench [--images 1000] [--seed 7]
        [--latency-ms 40] [--slots 16] [--concurrency 32]

Prints a Markdown report (and writes it to OUT/report.md); every run's command line is in it.
The simulator is a test component: the verdict agreement it prints checks the machinery, it is
no accuracy claim about any model.
"""

import argparse
import json
import os
import re
import resource
import shlex
import subprocess
import sys
import time
import urllib.request


def run(argv, cwd=None):
    """Runs argv, returns (wall seconds, CPU seconds, peak RSS KiB, stdout, stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {shlex.join(argv)}\n{proc.stderr}")
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: the caller runs the measured
    # command in a fresh process (see measure()) when it needs its own peak.
    return wall, cpu, after.ru_maxrss, proc.stdout, proc.stderr


def measure(argv, cwd=None):
    """Runs argv in a child Python that reports its own child's rusage, so peaks do not mix."""
    probe = (
        "import resource,subprocess,sys,time,json;"
        "s=time.monotonic();p=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
        "w=time.monotonic()-s;r=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(json.dumps({'rc':p.returncode,'wall':w,'cpu':r.ru_utime+r.ru_stime,"
        "'rss':r.ru_maxrss,'out':p.stdout,'err':p.stderr}))"
    )
    proc = subprocess.run([sys.executable, "-c", probe] + argv, cwd=cwd, capture_output=True,
                          text=True, check=True)
    result = json.loads(proc.stdout)
    if result["rc"] not in (0, 1):
        sys.exit(f"failed ({result['rc']}): {shlex.join(argv)}\n{result['err']}")
    return result


class Sim:
    def __init__(self, binary, world):
        self.proc = subprocess.Popen([binary, "serve", "--world", world, "--port", "0"],
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        match = re.match(r"listening on ([\d.]+):(\d+)", line)
        if not match:
            sys.exit(f"clue-sim did not start: {line!r}")
        self.base = f"http://{match.group(1)}:{match.group(2)}"

    def stats(self):
        with urllib.request.urlopen(self.base + "/sim/stats") as answer:
            return json.load(answer)

    def reset(self):
        request = urllib.request.Request(self.base + "/sim/stats/reset", data=b"", method="POST")
        urllib.request.urlopen(request).read()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def world_with_latency(source, target, latency_ms, slots):
    text = open(source).read()
    text, count = re.subn(r"(?m)^latency: .*$",
                          f"latency: {{base_ms: {latency_ms}, per_token_ms: 0, slots: {slots}}}",
                          text)
    if count != 1:
        sys.exit(f"{source}: no one-line latency setting to replace")
    open(target, "w").write(text)


def agreement(results_path, labels_path):
    labels = {}
    for line in open(labels_path):
        label = json.loads(line)
        labels[label["sha256"]] = label["label"]
    results = [json.loads(line) for line in open(results_path)]
    same = sum(1 for r in results if r["verdict"] == labels.get(r["sha256"]))
    errors = sum(1 for r in results if r["verdict"] == "error")
    escalations = sum(1 for r in results for p in r["predicates"]
                      if (p["path"] or "").startswith("reasoning"))
    predicates = sum(len(r["predicates"]) for r in results)
    return {"images": len(results), "agree": same / len(results), "errors": errors,
            "escalations": escalations / len(results), "predicates": predicates / len(results)}


def bench_arguments():
    """The options of the judge benchmarks: build folder, output, corpus and simulator."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--out", required=True)
    parser.add_argument("--images", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--latency-ms", type=int, default=40)
    parser.add_argument("--slots", type=int, default=16)
    parser.add_argument("--concurrency", type=int, default=32)
    return parser


def main():
    args = bench_arguments().parse_args()

    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    clue = os.path.abspath(os.path.join(args.build, "cli", "clue"))
    sim_binary = os.path.abspath(os.path.join(args.build, "tests", "sim", "clue-sim"))
    oracle = os.path.abspath(os.path.join(args.build, "bench", "judge", "clue-bench-oracle"))
    constitution = os.path.join(source, "stdlib-rules", "os-bench.clue")
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=False)
    corpus = os.path.join(out, "corpus")
    labels = os.path.join(corpus, "labels.jsonl")
    report = []
    say = report.append

    run([sim_binary, "gen", "--constitution", constitution, "--images", str(args.images),
         "--seed", str(args.seed), "--out", corpus])
    for level in ("0", "2"):
        run([clue, "compile", constitution, f"-O{level}", "-o", f"{out}/o{level}.json"])
    world_with_latency(f"{corpus}/world.yaml", f"{out}/world-slow.yaml", args.latency_ms,
                       args.slots)
    world_with_latency(f"{corpus}/world.yaml", f"{out}/world-zero.yaml", 0, args.slots)

    say(f"Load average of the machine at the start: {os.getloadavg()[0]:.1f} "
        f"({os.cpu_count()} CPUs).\n")
    common = ["--model", "clue-sim", "--no-cache", "--no-progress",
              "--concurrency", str(args.concurrency)]
    say(f"Corpus: `clue-sim gen --constitution stdlib-rules/os-bench.clue --images "
        f"{args.images} --seed {args.seed}`; plans: `clue compile stdlib-rules/os-bench.clue "
        f"-O0|-O2`; simulator: {args.latency_ms} ms per call, {args.slots} slots; "
        f"`clue judge --concurrency {args.concurrency}` (images in flight: twice that).\n")

    sim = Sim(sim_binary, f"{out}/world-slow.yaml")
    rows = {}
    try:
        calibrate = [clue, "calibrate", f"{out}/o2.json", "--endpoint", sim.base + "/v1",
                     "--model", "clue-sim", "--no-cache", "-o", f"{out}/o2-cal.json"]
        run(calibrate)
        for name, plan, extra in (
                ("-O0, uncalibrated, no cache (naive)", "o0.json", []),
                ("-O2, uncalibrated, no cache", "o2.json", []),
                ("-O2, calibrated, no cache", "o2-cal.json", []),
                ("-O2, calibrated, no cache, one question at a time", "o2-cal.json",
                 ["--questions-per-image", "1"])):
            sim.reset()
            output = f"{out}/{plan}{'-one-at-a-time' if extra else ''}.jsonl"
            argv = [clue, "judge", f"{out}/{plan}", "--manifest", labels, "--endpoint",
                    sim.base + "/v1", "-o", output] + common + extra
            measured = measure(argv)
            stats = sim.stats()
            rows[name] = {"argv": argv, "measured": measured, "stats": stats,
                          "agreement": agreement(output, labels)}
    finally:
        sim.stop()

    oracle_result = json.loads(run([oracle, f"{out}/o2.json", f"{corpus}/world.yaml",
                                    "--verify", "50"])[3])

    say("| run | MLLM calls per image | of which priors | escalations per image | "
        "predicates per image | wall | images/s | verdicts = labels |")
    say("|---|---|---|---|---|---|---|---|")
    for name, row in rows.items():
        calls = row["stats"]["requests"]["total"] / args.images
        priors = row["stats"]["requests"]["prior"] / args.images
        a = row["agreement"]
        wall = row["measured"]["wall"]
        say(f"| {name} | {calls:.2f} | {priors:.3f} | {a['escalations']:.2f} | "
            f"{a['predicates']:.2f} | {wall:.1f} s | {args.images / wall:.1f} | "
            f"{a['agree']:.3f} ({a['errors']} error) |")
    say(f"| oracle: fewest answers deciding every rule | {oracle_result['all_rules_per_image']:.2f}"
        f" | - | - | - | - | - | - |")
    say(f"| oracle: fewest answers deciding the verdict only | "
        f"{oracle_result['verdict_only_per_image']:.2f} | - | - | - | - | - | - |")

    naive = rows["-O0, uncalibrated, no cache (naive)"]
    best = rows["-O2, calibrated, no cache"]
    def calls_of(row):
        return row["stats"]["requests"]["total"] / args.images

    def throughput(row):  # (calls per image, images/s, capacity in images/s)
        calls = calls_of(row)
        return calls, args.images / row["measured"]["wall"], \
            args.slots / (args.latency_ms / 1000.0) / calls

    naive_calls = calls_of(naive)
    best_calls, rate, capacity = throughput(best)
    say("")
    say(f"- -O2 calibrated / oracle (every rule): {best_calls / oracle_result['all_rules_per_image']:.2f}x "
        "(target at most 1.5x)")
    say(f"- -O2 calibrated / naive -O0: {best_calls / naive_calls:.2f} (target at most 0.33)")
    paper_naive = naive_calls + naive["agreement"]["predicates"]
    say(f"- the paper's naive accounting, one M(None,c) question per M(x,c) question instead of one "
        f"per statement and run: {paper_naive:.2f} calls per image (computed from the -O0 run); "
        f"-O2 calibrated / that: {best_calls / paper_naive:.2f}")
    say(f"- throughput, -O2 calibrated: {rate:.1f} images/s against a capacity of {args.slots} / "
        f"{args.latency_ms} ms / {best_calls:.2f} calls = {capacity:.1f} images/s: "
        f"{100 * rate / capacity:.1f}% (target at least 90%); simulator queue: "
        f"{best['stats']['queue']}")
    say(f"- peak memory of `clue judge`, -O2 calibrated run: {best['measured']['rss'] / 1024:.1f} MiB")
    one = rows["-O2, calibrated, no cache, one question at a time"]
    one_calls, one_rate, one_capacity = throughput(one)
    say(f"- one question at a time (`--questions-per-image 1`), -O2 calibrated: {one_calls:.2f} "
        f"calls per image, {one_calls / oracle_result['all_rules_per_image']:.2f}x the oracle "
        f"(every rule), {one_calls / naive_calls:.2f} of naive -O0; {one_rate:.1f} images/s "
        f"against a capacity of {one_capacity:.1f}: {100 * one_rate / one_capacity:.1f}%")

    sim = Sim(sim_binary, f"{out}/world-zero.yaml")
    try:
        argv = [clue, "judge", f"{out}/o2-cal.json", "--manifest", labels, "--endpoint",
                sim.base + "/v1", "-o", f"{out}/zero.jsonl"] + common
        zero = measure(argv)
    finally:
        sim.stop()
    say(f"- the runtime's own CPU time with a zero-latency simulator, -O2 calibrated: "
        f"{1000 * zero['cpu'] / args.images:.2f} ms per image ({zero['cpu']:.2f} s user+sys for "
        f"{args.images} images, wall {zero['wall']:.2f} s, peak {zero['rss'] / 1024:.1f} MiB)")
    say(f"- load average of the machine at the end: {os.getloadavg()[0]:.1f} "
        f"({os.cpu_count()} CPUs)")
    say("")
    say("Commands ($OUT: the output folder, $SIM: the simulator's address):")
    say("")
    say("```")

    def shown(argv):
        text = shlex.join(argv).replace(out, "$OUT")
        text = re.sub(r"http://127\.0\.0\.1:\d+", "$SIM", text)
        return text.replace(os.path.abspath(args.build), args.build)

    say(shown(calibrate))
    for row in rows.values():
        say(shown(row["argv"]))
    say(shown(argv))
    say("```")
    text = "\n".join(report) + "\n"
    open(os.path.join(out, "report.md"), "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
