#!/usr/bin/python3
"""The lecture's two GAN examples in PyTorch, set against the Java library by `make bench`.

    /usr/bin/python3 bench/torch_gan.py normal|four-gaussians [--epochs N] [--history-every N] [--seed S]

The same work as gan.bench.Bench (gan.train.Trainer with GanConfig.normal() / fourGaussians()); the numbers below
are read from GanConfig at start-up (`./gan config EXAMPLE`), not kept here:

  example 1   D 1-8-1 (relu, sigmoid), G 8-4-1 (relu, linear), Xavier-uniform weights and biases (a bias of
              n units from U(+-sqrt(3/n)), TensorFlow's rule), noise U(-1,1)^8, k = 2, history every 100 epochs,
              KL over 50 bins
  example 2   G 10-128-2, D 2-128-1 (relu), orthogonal weights (gain 1.4), zero biases, noise U(-1,1)^10, k = 1,
              history every 500 epochs, KL over 20 x 20 bins
  both        1,000 real samples, 5 mini-batches per epoch (the last takes the remainder), shuffled every
              epoch; the lecture's counter (each mini-batch makes one step: D while the counter is below k,
              else G and the counter resets); Adam lr 1e-4, betas (0.9, 0.999), eps 1e-8 for both networks;
              losses from D's logits: D-loss = mean softplus(-l_real) + mean softplus(l_fake) (BCE with
              logits), G-loss non-saturating = mean softplus(-l_fake).

PyTorch gets its fastest ordinary form: float32, one thread, D's real and fake batch in one forward
pass (as the Java trainer does) with one BCE call against labels made once, the fakes of a D step made
under no_grad, a G step that accumulates gradients only into G's parameters (backward(inputs=...)), and
optimizer.zero_grad(set_to_none=True). (Adam's foreach=True was tried: no faster on the CPU.)
The history measurement (D-loss, G-loss, mean D on all real data and as many fresh fakes, histogram KL
with gan.stats' rule: equal bins over both samples' range, additive smoothing 1e-6) runs at the same
cadence as in Java and is inside the timed loop, as in Java.

Prints one line of JSON: timing (wall clock and process CPU time of the training loop; import and set-up
excluded) and the quality reached.
"""
import argparse
import json
import math
import os
import subprocess
import time

import numpy as np
import torch
import torch.nn.functional as F

MODES = np.array([[0.0, 0.0], [0.0, 2.0], [2.0, 0.0], [2.0, 2.0]])
STD = 0.5
REAL = 1000
SAMPLES = 10_000


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "lib", "target", "gan.jar")


def config(example):
    """The example's defaults from their one home, gan.train.GanConfig (`./gan config EXAMPLE`, one JSON line)."""
    out = subprocess.run(["java", "-cp", JAR, "gan.cli.Main", "config", example], check=True, capture_output=True, text=True).stdout
    j = json.loads(out)
    d_opt, g_opt = j["d_optimizer"], j["g_optimizer"]
    supported = (j["noise"] == "uniform" and j["schedule"] == "lecture" and j["generator_loss"] == "non-saturating"
                 and d_opt["kind"] == g_opt["kind"] == "adam" and j["real_samples"] == REAL)
    if not supported:
        raise SystemExit(f"torch_gan.py implements uniform noise, the lecture's schedule, the non-saturating G-loss and Adam "
                         f"on {REAL} samples; the configuration is {out}")
    init = "xavier" if j["weight_init"] == "xavier-uniform" else j["weight_init"]   # "orthogonal(1.4)"
    return dict(g=j["generator"]["sizes"], d=j["discriminator"]["sizes"], init=init, bias_init=j["bias_init"], k=j["k"],
                batches=j["batches"], epochs=j["epochs"], history=j["history_every"], bins=j["kl_bins"], d_opt=d_opt, g_opt=g_opt)


def mlp(sizes, init):
    layers = []
    for i in range(len(sizes) - 1):
        lin = torch.nn.Linear(sizes[i], sizes[i + 1])
        if init == "xavier":
            torch.nn.init.xavier_uniform_(lin.weight)
            a = math.sqrt(3.0 / sizes[i + 1])             # TF's fans for a 1-D bias: (n, n)
            torch.nn.init.uniform_(lin.bias, -a, a)
        elif init.startswith("orthogonal(") and init.endswith(")"):
            torch.nn.init.orthogonal_(lin.weight, gain=float(init[len("orthogonal("):-1]))
            torch.nn.init.zeros_(lin.bias)                 # both examples: orthogonal weights come with zero biases
        else:
            raise SystemExit(f"torch_gan.py has no initializer {init}")
        layers.append(lin)
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)              # no output activation: G is linear, D gives logits


def kl_histogram(p, q, bins):
    """gan.stats.Divergences.klHistogram: equal bins over both samples' range, smoothing 1e-6."""
    eps = 1e-6
    d = p.shape[1]
    both = np.concatenate([p, q])
    edges = []
    for j in range(d):
        lo, hi = both[:, j].min(), both[:, j].max()
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        edges.append(np.linspace(lo, hi, bins + 1))
    hp = np.histogramdd(p, bins=edges)[0].ravel() / len(p)
    hq = np.histogramdd(q, bins=edges)[0].ravel() / len(q)
    ps = hp + eps
    return float(np.sum(ps * np.log(ps / (hq + eps))) / (1 + hp.size * eps))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("example", choices=["normal", "four-gaussians"])
    ap.add_argument("--epochs", type=int)
    ap.add_argument("--history-every", type=int)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    c = config(a.example)
    epochs = a.epochs or c["epochs"]
    history_every = a.history_every or c["history"]

    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    if a.example == "normal":
        real_np = rng.normal(size=(REAL, 1))
    else:
        real_np = MODES[rng.integers(0, 4, size=REAL)] + STD * rng.normal(size=(REAL, 2))
    real = torch.tensor(real_np, dtype=torch.float32)
    nz = c["g"][0]
    G = mlp(c["g"], c["init"])
    D = mlp(c["d"], c["init"])
    def adam(params, o):
        return torch.optim.Adam(params, lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["epsilon"])

    opt_g = adam(G.parameters(), c["g_opt"])
    opt_d = adam(D.parameters(), c["d_opt"])
    g_params = list(G.parameters())
    batches, k = c["batches"], c["k"]
    size = REAL // batches

    def noise(m):
        return torch.rand(m, nz) * 2 - 1                   # U(-1, 1)

    history = []

    def record(epoch):
        with torch.no_grad():
            fake = G(noise(REAL))
            l = D(torch.cat([real, fake]))[:, 0]
            lr_, lf = l[:REAL], l[REAL:]
            d_loss = (F.softplus(-lr_).mean() + F.softplus(lf).mean()).item()
            g_loss = F.softplus(-lf).mean().item()
            row = dict(epoch=epoch, d_loss=d_loss, g_loss=g_loss, mean_d_real=torch.sigmoid(lr_).mean().item(),
                       mean_d_fake=torch.sigmoid(lf).mean().item(),
                       kl=kl_histogram(real_np, fake.numpy().astype(np.float64), c["bins"]))
        history.append(row)

    targets_d = torch.cat([torch.ones(size, 1), torch.zeros(size, 1)])   # [real, fake] labels, made once
    targets_g = torch.ones(size, 1)
    last_m = REAL - (batches - 1) * size
    if last_m != size:
        raise SystemExit(f"{REAL} samples do not split into {batches} equal batches")
    counter = 0
    d_steps = g_steps = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for epoch in range(1, epochs + 1):
        shuffled = real[torch.randperm(REAL)]
        for b in range(batches):
            lo = b * size
            hi = REAL if b == batches - 1 else lo + size
            m = hi - lo
            if counter < k:                                        # D step
                with torch.no_grad():
                    fake = G(noise(m))
                logits = D(torch.cat([shuffled[lo:hi], fake]))
                # mean softplus(-l_real) + mean softplus(l_fake) = 2 x the mean BCE over the 2m logits (m real = m fake)
                loss = 2 * F.binary_cross_entropy_with_logits(logits, targets_d)
                opt_d.zero_grad(set_to_none=True)
                loss.backward()
                opt_d.step()
                counter += 1
                d_steps += 1
            else:                                                  # G step
                logits = D(G(noise(m)))
                loss = F.binary_cross_entropy_with_logits(logits, targets_g)   # non-saturating: mean softplus(-l)
                opt_g.zero_grad(set_to_none=True)
                loss.backward(inputs=g_params)
                opt_g.step()
                counter = 0
                g_steps += 1
        if epoch % history_every == 0 or epoch == epochs:
            record(epoch)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    steps = d_steps + g_steps

    last = history[-1]
    with torch.no_grad():
        samples = G(noise(SAMPLES)).numpy().astype(np.float64)
    out = dict(impl="torch", example=a.example, epochs=epochs, history_every=history_every, steps=steps,
               wall_s=wall, cpu_s=cpu, us_per_step_wall=wall * 1e6 / steps, us_per_step_cpu=cpu * 1e6 / steps)
    out.update({key: last[key] for key in ("d_loss", "g_loss", "mean_d_real", "mean_d_fake", "kl")})
    if a.example == "normal":
        out.update(mean=float(samples.mean()), std=float(samples.std()))
    else:
        dist2 = ((samples[:, None, :] - MODES[None, :, :]) ** 2).sum(axis=2)
        near = dist2 <= (1.5 * STD) ** 2
        out.update(coverage_min=float(near.mean(axis=0).min()), coverage_total=float(near.any(axis=1).mean()))
    out.update(torch=torch.__version__, threads=torch.get_num_threads())
    print(json.dumps(out))


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()
