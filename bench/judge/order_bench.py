#!/usr/bin/python3
"""The question-order benchmark (bench/README.md, "Question order"): yes/no questions per image
for each way of asking (`--order waves|adaptive`, `--questions-per-image 1`, `--max-rounds`,
`--decide verdict`), against the oracle of its mode (every rule, or the verdict only), with p50/p95 wall time per image and the throughput against the simulator's capacity,
on os-bench, unsafebench and llavaguard, each with a corpus that `clue-sim gen` writes.

    bench/judge/order_bench.py --build build --out /tmp/order-bench [--images 1000] [--seed 7]
        [--latency-ms 40] [--slots 16] [--concurrency 32]

Prints a Markdown report (and writes it to OUT/report.md). The simulator is a test component:
these are figures of the machinery in a simulated world, no claim about any model.
"""

import json
import os
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from judge_bench import (Sim, agreement, bench_arguments, measure, run,  # noqa: E402
                         world_with_latency)

CONSTITUTIONS = ("os-bench", "unsafebench", "llavaguard")
ORDERS = (
    ("plan order, by waves", []),
    ("plan order, one at a time", ["--questions-per-image", "1"]),
    ("adaptive", ["--order", "adaptive"]),
    ("adaptive, one at a time", ["--order", "adaptive", "--questions-per-image", "1"]),
    ("adaptive, at most 3 rounds", ["--order", "adaptive", "--max-rounds", "3"]),
    ("plan order, one at a time, verdict", ["--questions-per-image", "1", "--decide", "verdict"]),
    ("adaptive, verdict", ["--order", "adaptive", "--decide", "verdict"]),
    ("adaptive, one at a time, verdict",
     ["--order", "adaptive", "--questions-per-image", "1", "--decide", "verdict"]),
)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def per_image(results_path):
    results = [json.loads(line) for line in open(results_path)]
    times = [r["time_ms"] for r in results]
    rounds = sum(r["rounds"] for r in results) / len(results)
    return {"p50": percentile(times, 0.50), "p95": percentile(times, 0.95), "rounds": rounds}


def bench_constitution(args, paths, name, say):
    out = os.path.join(paths["out"], name)
    corpus = os.path.join(out, "corpus")
    labels = os.path.join(corpus, "labels.jsonl")
    constitution = os.path.join(paths["source"], "stdlib-rules", f"{name}.clue")
    os.makedirs(out)
    run([paths["sim"], "gen", "--constitution", constitution, "--images", str(args.images),
         "--seed", str(args.seed), "--out", corpus])
    run([paths["clue"], "compile", constitution, "-O2", "-o", f"{out}/o2.json"])
    world_with_latency(f"{corpus}/world.yaml", f"{out}/world-slow.yaml", args.latency_ms,
                       args.slots)
    common = ["--model", "clue-sim", "--no-cache", "--no-progress",
              "--concurrency", str(args.concurrency)]
    sim = Sim(paths["sim"], f"{out}/world-slow.yaml")
    rows = []
    try:
        run([paths["clue"], "calibrate", f"{out}/o2.json", "--endpoint", sim.base + "/v1",
             "--model", "clue-sim", "--no-cache", "-o", f"{out}/o2-cal.json"])
        for index, (label, extra) in enumerate(ORDERS):
            sim.reset()
            output = f"{out}/run{index}.jsonl"
            argv = [paths["clue"], "judge", f"{out}/o2-cal.json", "--manifest", labels,
                    "--endpoint", sim.base + "/v1", "-o", output] + common + extra
            measured = measure(argv)
            rows.append((label, extra, measured, sim.stats(), agreement(output, labels),
                         per_image(output)))
    finally:
        sim.stop()
    oracle = json.loads(run([paths["oracle"], f"{out}/o2.json", f"{corpus}/world.yaml"])[3])
    every, verdict = oracle["all_rules_per_image"], oracle["verdict_only_per_image"]
    images = args.images
    say(f"### {name}\n")
    say("| order | yes/no questions per image | / its oracle | chain-of-thought calls "
        "per image | all calls per image | rounds per image | p50 / p95 per image | images/s "
        "| of capacity | verdicts = labels |")
    say("|---|---|---|---|---|---|---|---|---|---|")
    for label, extra, measured, stats, agree, timing in rows:
        requests = stats["requests"]
        yesno = requests.get("yesno", 0) / images
        total = requests["total"] / images
        rate = images / measured["wall"]
        capacity = args.slots / (args.latency_ms / 1000.0) / total
        target = verdict if "verdict" in extra else every
        say(f"| {label} | {yesno:.2f} | {yesno / target:.2f}x | "
            f"{requests.get('reasoning', 0) / images:.2f} | {total:.2f} | {timing['rounds']:.2f} "
            f"| {timing['p50']:.0f} / {timing['p95']:.0f} ms | {rate:.1f} | "
            f"{100 * rate / capacity:.0f}% | {agree['agree']:.3f} ({agree['errors']} error) |")
    say(f"| oracle, every rule's state | {every:.2f} | 1.00x | | | | | | | |")
    say(f"| oracle, the verdict only | {verdict:.2f} | 1.00x | | | | | | | |")
    say("")


def main():
    parser = bench_arguments()
    parser.add_argument("--constitutions", default=",".join(CONSTITUTIONS))
    args = parser.parse_args()

    build = os.path.abspath(args.build)
    paths = {
        "source": os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
        "clue": os.path.join(build, "cli", "clue"),
        "sim": os.path.join(build, "tests", "sim", "clue-sim"),
        "oracle": os.path.join(build, "bench", "judge", "clue-bench-oracle"),
        "out": os.path.abspath(args.out),
    }
    os.makedirs(paths["out"], exist_ok=False)
    report = []
    say = report.append
    say(f"Load average at the start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs). "
        f"{args.images} images per constitution, seed {args.seed}; simulator {args.latency_ms} "
        f"ms per call, {args.slots} slots; `clue judge --concurrency {args.concurrency}` on the "
        f"calibrated -O2 plan, with: "
        + "; ".join(f"{label}: `{shlex.join(extra) or '(defaults)'}`" for label, extra in ORDERS)
        + ".\n")
    for name in args.constitutions.split(","):
        bench_constitution(args, paths, name, say)
    say(f"Load average at the end: {os.getloadavg()[0]:.1f}.")
    text = "\n".join(report) + "\n"
    open(os.path.join(paths["out"], "report.md"), "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
