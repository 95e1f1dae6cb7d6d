#!/usr/bin/env python3
"""make bench / make bench-quick: the lecture's two examples trained by the Java library and by PyTorch,
side by side, with the figures of issue 7.

    scripts/jupyter-python bench/run.py [--quick] [--reps N] [--only java|torch] [--no-cli]

(make bench runs it so, after scripts/setup.sh bench has installed bench/requirements.txt, PyTorch 2.13
for the CPU and NumPy, into that Python: the project's .venv/ or the active conda environment.)

For each example and each repetition (Java and PyTorch alternate, so a change of machine load hits both):
  * Java:    a fresh JVM with ./gan's flags (-XX:+UseSerialGC -Xmx256m) runs gan.bench.Bench;
  * PyTorch: bench/torch_gan.py with this script's own Python (or $TORCH_PYTHON), one thread (torch.set_num_threads(1), OMP/MKL = 1).
Repetition r uses seed r (data, weights, noise, shuffles) in both, so the quality figures are medians
over seeds, not one seed's luck. Each prints one JSON line (see their docs); this script adds each
process's peak resident memory (ru_maxrss from wait4) and prints medians over the repetitions: microseconds per step by CPU time (the
thread's for Java, the process's for PyTorch) and by the wall clock, total seconds, the speed-up
PyTorch/Java, the quality reached (final D-loss, G-loss, KL; the generated std in example 1, the worst
mode's share in example 2), the Java loop's allocation per step after warm-up, and at the end the peak
resident memory of the command line `./gan train four-gaussians` (the whole 50,000 epochs; 2,000 with
--quick). Timings cover training only (JVM start, imports and set-up excluded) and include the history
measurements at the lecture's cadence in both. Results also go to build/bench/results.json.

Full runs (the ones the targets refer to): example 1 10,000 epochs, example 2 50,000 epochs, 3
repetitions, about 15-20 minutes on the 2-core machine. --quick: 2,000 and 2,000 epochs, about 2 minutes.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "lib", "target", "gan.jar")
JAVA_OPTS = ["-XX:+UseSerialGC", "-Xmx256m"]          # ./gan's defaults
TORCH = os.path.join(ROOT, "bench", "torch_gan.py")
TORCH_PYTHON = os.environ.get("TORCH_PYTHON") or sys.executable   # make bench: the project's Python, with torch 2.13

# the benchmark's own numbers; the lecture's defaults (networks, k, batches, epochs, optimizer, history) come from
# GanConfig through `./gan config EXAMPLE` (lecture_config)
EXAMPLES = {
    "normal": dict(name="example 1 (normal)", quick=2_000, target=80.0),
    "four-gaussians": dict(name="example 2 (four-gaussians)", quick=2_000, target=10.0),
}


def lecture_config(example):
    """The example's configuration as GanConfig holds it: one JSON line from `java -cp gan.jar gan.cli.Main config EXAMPLE`."""
    out = subprocess.run(["java", "-cp", JAR, "gan.cli.Main", "config", example], check=True, capture_output=True, text=True).stdout
    c = json.loads(out)
    d, g, o = c["discriminator"]["sizes"], c["generator"]["sizes"], c["d_optimizer"]
    shape = lambda sizes: "-".join(map(str, sizes))
    lr = f"{o['lr']:.0e}".replace("e-0", "e-")                  # 1e-4
    title = (f"{EXAMPLES[example]['name']}: D {shape(d)}, G {shape(g)}, k = {c['k']}, {c['batches']} batches of {c['batch_size']}, "
             f"{o['kind'].capitalize()} {lr}; history every {c['history_every']} epochs")
    return dict(EXAMPLES[example], title=title, full=c["epochs"])
RSS_TARGET_MB = 300


def run(cmd, env=None):
    """Runs cmd; returns (stdout, peak RSS in MB). Raises with stderr when it fails."""
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=env, cwd=ROOT)
        out = p.stdout.read().decode()
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            err.seek(0)
            raise SystemExit(f"bench: {' '.join(cmd)} failed with exit code {p.returncode}:\n{err.read().decode()}")
    return out, usage.ru_maxrss / 1024.0


def java(example, epochs, seed):
    out, rss = run(["java", *JAVA_OPTS, "-cp", JAR, "gan.bench.Bench", example, "--epochs", str(epochs), "--seed", str(seed)])
    r = json.loads(out.strip().splitlines()[-1])
    r["rss_mb"] = rss
    return r


def torch(example, epochs, seed):
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out, rss = run([TORCH_PYTHON, TORCH, example, "--epochs", str(epochs), "--seed", str(seed)], env=env)
    r = json.loads(out.strip().splitlines()[-1])
    r["rss_mb"] = rss
    return r


def torch_version(runs):
    """The PyTorch version the torch runs reported (e.g. "2.13.0+cpu"), or "?" when none ran."""
    return runs["torch"][0].get("torch", "?") if runs["torch"] else "?"


def median(rows, key):
    return statistics.median(r[key] for r in rows)


QUALITY = {"normal": ("d_loss", "g_loss", "kl", "std"),
           "four-gaussians": ("d_loss", "g_loss", "kl", "coverage_min", "coverage_total")}


def median_quality(rows):
    """The median of each quality figure over the runs (each run has its own seed)."""
    r = dict(example=rows[0]["example"])
    for key in QUALITY[r["example"]]:
        r[key] = median(rows, key)
    return r


def quality(r):
    if r["example"] == "normal":
        return f"D-loss {r['d_loss']:.4f}  G-loss {r['g_loss']:.4f}  KL {r['kl']:.3f}  std {r['std']:.3f}"
    return (f"D-loss {r['d_loss']:.4f}  G-loss {r['g_loss']:.4f}  KL {r['kl']:.3f}  "
            f"worst mode {100 * r['coverage_min']:.1f}%  near a mode {100 * r['coverage_total']:.1f}%")


def line(r):
    return (f"    {r['impl']:5s} seed {r['seed']}: {r['us_per_step_cpu']:8.1f} us/step CPU, {r['us_per_step_wall']:8.1f} wall, "
            f"{r['wall_s']:7.2f} s, {r['rss_mb']:5.0f} MB peak; {quality(r)}")


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="2,000 epochs each instead of the lecture's 10,000 / 50,000")
    ap.add_argument("--reps", type=int, default=3, help="repetitions of each run (default 3); medians are reported")
    ap.add_argument("--only", choices=["java", "torch"], help="run only one side (no ratios)")
    ap.add_argument("--no-cli", action="store_true", help="skip the peak-memory run of ./gan train four-gaussians")
    a = ap.parse_args()
    if not os.path.exists(JAR):
        raise SystemExit("bench: lib/target/gan.jar is missing; run make jar")
    if a.only != "java":
        probe = subprocess.run([TORCH_PYTHON, "-c", "import numpy, torch; print(torch.__version__)"], capture_output=True, text=True)
        if probe.returncode != 0:
            raise SystemExit(f"bench: {TORCH_PYTHON} has no torch and numpy ({probe.stderr.strip().splitlines()[-1:]}); "
                             "run `make bench`, which installs bench/requirements.txt (scripts/setup.sh bench), "
                             "or set TORCH_PYTHON to a Python that has them")
    size = "quick" if a.quick else "full"
    started = datetime.datetime.now().isoformat(timespec="seconds")
    print(f"== bench ({size}): the Java library vs PyTorch (CPU, 1 thread, float32), {a.reps} run(s) each, medians")
    print(f"   {os.cpu_count()} CPUs; load average (1, 5, 15 min) at start: {load()}")
    results = {"size": size, "reps": a.reps, "started": started, "load_start": os.getloadavg(), "examples": {}}
    summary = []
    for example in EXAMPLES:
        spec = lecture_config(example)
        epochs = spec[size]
        print(f"\n== {spec['title']}; {epochs:,} epochs")
        runs = {"java": [], "torch": []}
        for rep in range(a.reps):
            for impl, fn in (("java", java), ("torch", torch)):
                if a.only and impl != a.only:
                    continue
                r = fn(example, epochs, rep + 1)
                r["seed"] = rep + 1
                runs[impl].append(r)
                print(line(r), flush=True)
        results["examples"][example] = runs
        summary.append((example, spec, epochs, runs))

    cli = None
    if not a.no_cli and a.only != "torch":
        epochs = lecture_config("four-gaussians")[size]
        cmd = ["./gan", "train", "four-gaussians", "--quiet"] + ([] if size == "full" else ["--epochs", str(epochs)])
        out, rss = run(cmd)
        trained = next((s for s in out.splitlines() if s.startswith("trained")), "")
        cli = dict(command=" ".join(cmd), rss_mb=rss, output=out)
        results["cli"] = cli
        print(f"\n== {' '.join(cmd)}: {trained}; peak resident memory {rss:.0f} MB")

    print(f"\n== summary ({size}; medians of {a.reps} runs, run r with seed r; peak MB is the largest; "
          f"load average at end: {load()})")
    head = f"{'':22s}{'us/step CPU':>12s}{'us/step wall':>14s}{'total s':>9s}{'peak MB':>9s}   quality"
    for example, spec, epochs, runs in summary:
        steps = (runs["java"] or runs["torch"])[0]["steps"]
        print(f"\n{example}: {epochs:,} epochs, {steps:,} steps")
        print(head)
        for impl, name in (("java", "Java (gan library)"), ("torch", "PyTorch " + torch_version(runs))):
            rows = runs[impl]
            if not rows:
                continue
            print(f"  {name:20s}{median(rows, 'us_per_step_cpu'):12.1f}{median(rows, 'us_per_step_wall'):14.1f}"
                  f"{median(rows, 'wall_s'):9.2f}{max(r['rss_mb'] for r in rows):9.0f}   {quality(median_quality(rows))}")
        if runs["java"] and runs["torch"]:
            cpu = median(runs["torch"], "us_per_step_cpu") / median(runs["java"], "us_per_step_cpu")
            wall = median(runs["torch"], "us_per_step_wall") / median(runs["java"], "us_per_step_wall")
            verdict = ("met" if cpu >= spec["target"] else "NOT met") + (" (the targets refer to the full runs)" if a.quick else "")
            print(f"  {'speed-up PyTorch/Java':20s}{cpu:11.1f}x{wall:13.1f}x   target >= {spec['target']:.0f}x by CPU time: {verdict}")
            results["examples"][example + "_speedup"] = dict(cpu=cpu, wall=wall, target=spec["target"])
        if runs["java"]:
            per_step = max(r["alloc_per_step"] for r in runs["java"])
            per_hist = median(runs["java"], "alloc_per_history")
            print(f"  Java training loop after warm-up: {per_step:.1f} bytes allocated per step (target 0: "
                  f"{'met' if per_step == 0 else 'NOT met'}); one history measurement allocates {per_hist / 1024:.0f} kB")
    if cli:
        print(f"\npeak resident memory of `{cli['command']}`: {cli['rss_mb']:.0f} MB "
              f"(target < {RSS_TARGET_MB} MB: {'met' if cli['rss_mb'] < RSS_TARGET_MB else 'NOT met'})")

    results["load_end"] = os.getloadavg()
    out_dir = os.path.join(ROOT, "build", "bench")
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=out_dir, delete=False, suffix=".tmp") as f:
        json.dump(results, f, indent=1)
    final = os.path.join(out_dir, f"results-{size}.json")
    os.replace(f.name, final)
    print(f"\nwrote {os.path.relpath(final, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
