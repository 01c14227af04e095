#!/usr/bin/python3
"""The serve benchmark (bench/README.md, "The server"): `clue serve` against clue-sim at 40 ms per
call and 16 slots, on a corpus that `clue-sim gen` writes for os-bench.clue, driven by wrk
(Debian's `wrk`, with bench/serve/judge_corpus.lua) on 127.0.0.1 only, every run bounded in time:

1. throughput at the backend's capacity, against `clue judge` on the same corpus;
2. latency p50/p95/p99 at about half that capacity;
3. 10x overload for 30 s: statuses, lost requests, how fast 429s come, peak RSS;
4. plan reloads (good and broken, every 2 s) under load: failed requests.

    bench/serve/serve_bench.py --build build --out /tmp/serve-bench [--images 400] [--seed 7]
        [--latency-ms 40] [--slots 16] [--concurrency 16] [--seconds 20] [--overload-seconds 30]

Prints a Markdown report (and writes it to OUT/report.md). The simulator is a test component:
nothing here says anything about a real model.
"""

import argparse
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "judge"))
from judge_bench import Sim, measure, run, world_with_latency  # noqa: E402


class Server:
    """`clue serve` as a child process; its port from its first line."""

    def __init__(self, argv, cwd):
        self.argv = argv
        self.log = open(os.path.join(cwd, "serve.log"), "a")
        self.proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=self.log,
                                     text=True)
        line = self.proc.stdout.readline()
        match = re.match(r"listening on ([\d.]+):(\d+)", line)
        if not match:
            sys.exit(f"clue serve did not start: {line!r} (see {cwd}/serve.log)")
        self.base = f"http://{match.group(1)}:{match.group(2)}"
        self.wait_ready()

    def wait_ready(self):
        for _ in range(200):
            try:
                with urllib.request.urlopen(self.base + "/readyz") as answer:
                    if answer.status == 200:
                        return
            except urllib.error.URLError:
                pass
            time.sleep(0.05)
        sys.exit("clue serve never became ready")

    def peak_rss_mib(self):
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def metrics(self):
        with urllib.request.urlopen(self.base + "/metrics") as answer:
            return answer.read().decode()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=60)
        self.log.close()
        return code


def wrk(base, list_file, connections, seconds, pause_ms=0):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "judge_corpus.lua")
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", script,
            base, "--", list_file, str(pause_ms)]
    proc = subprocess.run(argv, capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["argv"] = argv
    return result


def probe_refusals(base, body, stop, samples):
    """Every 0.25 s until `stop`, one request on a thread of its own, recording (status, s)."""
    def once():
        request = urllib.request.Request(base + "/v1/judge", data=body,
                                         headers={"Content-Type": "image/png"})
        start = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                status = answer.status
        except urllib.error.HTTPError as e:
            status = e.code
        except OSError:
            status = 0
        samples.append((status, time.monotonic() - start))

    probes = []
    while not stop.wait(0.25):
        probes.append(threading.Thread(target=once, daemon=True))
        probes[-1].start()
    for probe in probes:
        probe.join()


def unloaded_latency(base, images):
    """Seconds one image takes with nothing else in flight (the median of a few)."""
    times = []
    for path in images:
        request = urllib.request.Request(base + "/v1/judge", data=open(path, "rb").read(),
                                         headers={"Content-Type": "image/png"})
        start = time.monotonic()
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()
        times.append(time.monotonic() - start)
    return sorted(times)[len(times) // 2]


def reload_loop(work, plans, server, stop, events):
    """Every 2 s: the next of `plans` (a broken one among them) copied over the served file,
    then SIGHUP."""
    i = 0
    while not stop.wait(2):
        text = plans[i % len(plans)]
        with open(work + "/plan.json.new", "w") as f:
            f.write(text)
        os.replace(work + "/plan.json.new", work + "/plan.json")
        server.proc.send_signal(signal.SIGHUP)
        events.append(i % len(plans))
        i += 1


def safe_by_failure(verdicts, judged):
    """Answers `safe` for an image that clue judge did not find safe."""
    bad = 0
    for key, count in verdicts.items():
        sha, verdict = key.split(" ")
        if verdict == "safe" and judged.get(sha) != "safe":
            bad += count
    return bad


def status_text(statuses):
    return ", ".join(f"{code}: {count}" for code, count in sorted(statuses.items()))


def lost(result):
    e = result["errors"]
    return e["connect"] + e["read"] + e["write"] + e["timeout"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--out", required=True)
    parser.add_argument("--images", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--latency-ms", type=int, default=40)
    parser.add_argument("--slots", type=int, default=16)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--overload-seconds", type=int, default=30)
    args = parser.parse_args()

    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    clue = os.path.abspath(os.path.join(args.build, "cli", "clue"))
    sim_binary = os.path.abspath(os.path.join(args.build, "tests", "sim", "clue-sim"))
    constitution = os.path.join(source, "stdlib-rules", "os-bench.clue")
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=False)
    corpus = os.path.join(out, "corpus")
    report = []
    say = report.append

    run([sim_binary, "gen", "--constitution", constitution, "--images", str(args.images),
         "--seed", str(args.seed), "--out", corpus])
    for level in ("0", "2"):
        run([clue, "compile", constitution, f"-O{level}", "-o", f"{out}/o{level}.json"])
    world_with_latency(f"{corpus}/world.yaml", f"{out}/world.yaml", args.latency_ms, args.slots)
    images = sorted(os.path.join(corpus, "images", name)
                    for name in os.listdir(os.path.join(corpus, "images")))
    list_file = os.path.join(out, "images.txt")
    open(list_file, "w").write("\n".join(images) + "\n")
    plan_o2 = open(f"{out}/o2.json").read()
    plan_o0 = open(f"{out}/o0.json").read()
    open(f"{out}/plan.json", "w").write(plan_o2)

    say(f"Load average at the start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs). Corpus: "
        f"`clue-sim gen --constitution stdlib-rules/os-bench.clue --images {args.images} --seed "
        f"{args.seed}`; plan: `clue compile -O2` (uncalibrated); simulator: {args.latency_ms} ms "
        f"per call, {args.slots} slots; `--concurrency {args.concurrency}` (images in flight: "
        f"twice that), `--no-cache` everywhere.\n")
    sim = Sim(sim_binary, f"{out}/world.yaml")
    backend = ["--endpoint", sim.base + "/v1", "--model", "clue-sim", "--no-cache",
               "--concurrency", str(args.concurrency)]
    commands = []
    try:
        judge_argv = [clue, "judge", f"{out}/plan.json", "--manifest", f"{corpus}/labels.jsonl",
                      "--no-progress", "-o", f"{out}/judged.jsonl"] + backend
        judged_run = measure(judge_argv)
        commands.append(judge_argv)
        judged = {}
        for line in open(f"{out}/judged.jsonl"):
            r = json.loads(line)
            judged[r["sha256"]] = r["verdict"]
        judge_rate = args.images / judged_run["wall"]

        serve_argv = [clue, "serve", "plan.json", "--listen", "127.0.0.1:0"] + backend
        commands.append(serve_argv)
        in_flight = 2 * args.concurrency

        # 1. Capacity: enough connections to keep every slot and the queue busy, no refusals.
        server = Server(serve_argv, out)
        sim.reset()
        capacity = wrk(server.base, list_file, 2 * in_flight, args.seconds)
        commands.append(capacity["argv"])
        server.stop()
        ok = capacity["statuses"].get("200", 0)
        serve_rate = ok / capacity["seconds"]
        say("| run | wrk | answers | images/s | lost | latency p50 / p95 / p99 |")
        say("|---|---|---|---|---|---|")
        say(f"| `clue judge`, whole corpus | | {args.images} images | {judge_rate:.1f} | | |")

        def row(name, result, connections, pause):
            rate = result["statuses"].get("200", 0) / result["seconds"]
            lat = result["latency_ms"]
            say(f"| {name} | -c{connections}" + (f", pause {pause} ms" if pause else "") +
                f", {result['seconds']:.0f} s | {status_text(result['statuses'])} | {rate:.1f} | "
                f"{lost(result)} | {lat['p50']:.0f} / {lat['p95']:.0f} / {lat['p99']:.0f} ms |")

        row("serve at capacity", capacity, 2 * in_flight, 0)

        # 2. Half capacity: paced connections offering about half of what was served; each
        # connection's cycle is its pause plus an unloaded judgment.
        connections = in_flight
        server = Server(serve_argv, out)
        alone = unloaded_latency(server.base, images[-9:])
        pause = max(1, int(1000 * (connections / (serve_rate / 2) - alone)))
        half = wrk(server.base, list_file, connections, args.seconds, pause)
        commands.append(half["argv"])
        server.stop()
        row("serve at half capacity", half, connections, pause)

        # 3. Overload: ten times the capacity offered, for the overload time. About a tenth of
        # the requests are admitted and wait their turn behind a full queue; the pause leaves
        # room for that wait in each connection's cycle.
        connections = 20 * in_flight
        admitted_wait = (in_flight + 4 * in_flight) / serve_rate
        pause = max(1, int(1000 * (connections / (10 * serve_rate) - admitted_wait / 10)))
        server = Server(serve_argv, out)
        stop = threading.Event()
        samples = []
        prober = threading.Thread(target=probe_refusals, daemon=True,
                                  args=(server.base, open(images[0], "rb").read(), stop, samples))
        prober.start()
        overload = wrk(server.base, list_file, connections, args.overload_seconds, pause)
        stop.set()
        prober.join()
        commands.append(overload["argv"])
        peak = server.peak_rss_mib()
        overload_code = server.stop()
        row("serve at 10x overload", overload, connections, pause)
        refusals = sorted(t for status, t in samples if status == 429)

        # 4. Reloads under load: the -O0 plan, a broken plan, the -O2 plan, every 2 s.
        server = Server(serve_argv, out)
        stop = threading.Event()
        events = []
        reloader = threading.Thread(target=reload_loop, daemon=True,
                                    args=(out, [plan_o0, "{\"schema\": \"clue.plan/v1\"", plan_o2],
                                              server, stop, events))
        reloader.start()
        reloads = wrk(server.base, list_file, 2 * in_flight, args.seconds)
        stop.set()
        reloader.join()
        metrics = server.metrics()
        server.stop()
        commands.append(reloads["argv"])
        row("serve with reloads", reloads, 2 * in_flight, 0)
    finally:
        sim.stop()

    success = re.search(r'clue_serve_plan_reloads_total\{result="success"\} (\S+)', metrics)
    failure = re.search(r'clue_serve_plan_reloads_total\{result="failure"\} (\S+)', metrics)
    offered = overload["requests"] / overload["seconds"]
    say("")
    say(f"- capacity: `clue serve` answered {serve_rate:.1f} images/s, "
        f"{100 * serve_rate / judge_rate:.0f}% of `clue judge`'s {judge_rate:.1f} on the same "
        f"corpus ({judged_run['wall']:.1f} s for {args.images} images)")
    say(f"- half capacity: {half['statuses'].get('200', 0) / half['seconds']:.1f} images/s "
        f"served (one image alone: {1000 * alone:.0f} ms), latency p50 {half['latency_ms']['p50']:.0f} ms, p95 "
        f"{half['latency_ms']['p95']:.0f} ms, p99 {half['latency_ms']['p99']:.0f} ms")
    say(f"- overload: {offered:.0f} requests/s offered ({offered / serve_rate:.1f}x capacity) "
        f"for {overload['seconds']:.0f} s; {status_text(overload['statuses'])}; "
        f"{lost(overload)} lost (wrk socket errors and timeouts); "
        f"{overload['deadlines']} deadline errors; "
        f"{safe_by_failure(overload['verdicts'], judged)} answered `safe` where `clue judge` "
        f"was not; peak RSS {peak:.1f} MiB; exit status after SIGTERM {overload_code}")
    if refusals:
        say(f"- a 429 during the overload came in {1000 * refusals[len(refusals) // 2]:.1f} ms "
            f"(median of {len(refusals)} probes), {1000 * refusals[-1]:.1f} ms at most")
    say(f"- reloads under load: {len(events)} reloads tried ({success.group(1)} installed, "
        f"{failure.group(1)} broken plans refused); "
        f"{sum(c for s, c in reloads['statuses'].items() if s != '200')} requests not answered "
        f"200, {lost(reloads)} lost, "
        f"{safe_by_failure(reloads['verdicts'], judged)} `safe` where `clue judge` was not")
    say(f"- load average at the end: {os.getloadavg()[0]:.1f}")
    say("")
    say("Commands ($OUT: the output folder, $SIM and $SERVE: the servers' addresses):")
    say("")
    say("```")
    for argv in commands:
        text = shlex.join(argv).replace(out, "$OUT").replace(source + "/", "")
        text = re.sub(r"http://127\.0\.0\.1:\d+/v1", "$SIM/v1", text)
        text = re.sub(r"http://127\.0\.0\.1:\d+", "$SERVE", text)
        say(text.replace(os.path.abspath(args.build), args.build))
    say("```")
    text = "\n".join(report) + "\n"
    open(os.path.join(out, "report.md"), "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
