#!/usr/bin/python3
"""The evaluation benchmark (bench/README.md, "Evaluation: the simulated ablation"): `clue eval`
with every ablation, the direct baseline and three perturbations, on a generated os-bench corpus
whose simulated world has a strong language bias on some statements and noisy answers on others.

    bench/eval/eval_bench.py --build build --out /tmp/eval-bench [--images 1000] [--seed 7]
        [--biased 0.2] [--noisy 0.2] [--concurrency 32]

Prints a Markdown report (and writes it, with the JSON report, to OUT). It measures the
machinery on a SIMULATION: the figures say how the parts of the method behave in the
simulator's world, nothing about the accuracy of any model.
"""

import argparse
import json
import os
import shlex
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "judge"))
from judge_bench import Sim, run  # noqa: E402  (the judge benchmark's helpers)

PERTURBATIONS = "gaussian:0.01,jpeg:75,resize:0.5"


def rate(metric):
    value, ci = metric["value"], metric["ci"]
    if value is None:
        return "n/a"
    return f"{value:.3f}" + (f" [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "")


def variant_table(report, say):
    base = report["variants"][0]
    say("| variant | accuracy | precision | recall | F1 [95% CI] | AP | ΔF1 | questions/image "
        "| Δ questions | escalations/image |")
    say("|---|---|---|---|---|---|---|---|---|---|")
    for v in report["variants"]:
        m, c = v["metrics"], v["cost"]
        f1, f1base = m["f1"]["value"], base["metrics"]["f1"]["value"]
        delta = f"{f1 - f1base:+.3f}" if f1 is not None and f1base is not None else "n/a"
        ap = "n/a" if v["average_precision"] is None else f"{v['average_precision']:.3f}"
        say(f"| {v['id']} ({v['title']}) | {m['accuracy']['value']:.3f} | "
            f"{m['precision']['value']:.3f} | {m['recall']['value']:.3f} | {rate(m['f1'])} | "
            f"{ap} | {delta} | {c['questions_per_image']:.2f} | "
            f"{c['questions_per_image'] - base['cost']['questions_per_image']:+.2f} | "
            f"{c['escalations_per_image']:.2f} |")


def robustness_table(report, say):
    say("| perturbation | images | flipped | unsafe -> safe | safe -> unsafe | errors | "
        "robust accuracy |")
    say("|---|---|---|---|---|---|---|")
    for row in report["robustness"]:
        if row["category"] is None:
            say(f"| {row['perturbation']} | {row['images']} | {row['flipped']} | "
                f"{row['unsafe_to_safe']} | {row['safe_to_unsafe']} | {row['errors']} | "
                f"{row['robust_accuracy']:.3f} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--out", required=True)
    parser.add_argument("--images", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--biased", type=float, default=0.2)
    parser.add_argument("--noisy", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()

    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    clue = os.path.abspath(os.path.join(args.build, "cli", "clue"))
    sim_binary = os.path.abspath(os.path.join(args.build, "tests", "sim", "clue-sim"))
    constitution = os.path.join(source, "stdlib-rules", "os-bench.clue")
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=False)
    corpus = os.path.join(out, "corpus")
    report_lines = []
    say = report_lines.append

    gen = [sim_binary, "gen", "--constitution", constitution, "--images", str(args.images),
           "--seed", str(args.seed), "--biased", str(args.biased), "--noisy", str(args.noisy),
           "--out", corpus]
    run(gen)
    run([clue, "compile", constitution, "-O2", "-o", f"{out}/plan.json"])
    sim = Sim(sim_binary, f"{corpus}/world.yaml")
    try:
        common = ["--endpoint", sim.base + "/v1", "--model", "clue-sim"]
        run([clue, "calibrate", f"{out}/plan.json", "-o", f"{out}/calibrated.json", "--no-cache"]
            + common)
        sim.reset()
        argv = [clue, "eval", f"{out}/calibrated.json", f"{corpus}/labels.jsonl", "--ablate",
                "debias,cascade,calibration,lazy", "--baseline", "direct", "--perturb",
                PERTURBATIONS, "--cache", f"{out}/cache.sqlite", "--concurrency",
                str(args.concurrency), "--no-progress", "--format", "json", "-o",
                f"{out}/report.json"] + common
        wall, cpu, _, _, _ = run(argv)
        stats = sim.stats()
    finally:
        sim.stop()
    report = json.load(open(f"{out}/report.json"))

    say("**A simulation of the machinery, not a model's accuracy.** clue-sim answers from a "
        "generated world; these figures show how each part of the method behaves in it.\n")
    say(f"Corpus: `{shlex.join(['clue-sim'] + gen[1:]).replace(source + '/', '')}` "
        f"({report['labels']['unsafe']} unsafe, {report['labels']['safe']} safe); plan: "
        f"`clue compile -O2`, calibrated with `clue calibrate`.\n")
    say(f"Run: `clue eval calibrated.json labels.jsonl --ablate debias,cascade,calibration,lazy "
        f"--baseline direct --perturb {PERTURBATIONS} --cache cache.sqlite` "
        f"({wall:.0f} s wall, {cpu:.0f} s CPU for clue; {stats['requests']['total']} "
        f"requests to the simulator, load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs).\n")
    variant_table(report, say)
    say("")
    robustness_table(report, say)
    text = "\n".join(report_lines) + "\n"
    open(f"{out}/report.md", "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
