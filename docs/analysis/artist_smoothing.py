"""Smoothing by artist, measured on train's out-of-fold predictions (issue 17; docs/benchmarks.md).

    python3 docs/analysis/artist_smoothing.py MODEL/out-of-fold.csv [MODEL2/out-of-fold.csv ...]

Each file is one training, i.e. one assignment of the artists to folds. A track's probabilities become
p' = (1 - a) * p + a * mean(p over its artist's tracks in the same validation fold); grouped folds keep an artist's
tracks in one fold, so the mean uses only predictions of artists the fold model never heard, as a catalogue run
would (its artists come from the tags, its genres are unknown). Accuracy is train's CV figure: the mean over the
folds of each fold's track accuracy. ECE (15 equal-width bins) of the raw smoothed probabilities and after a
temperature cross-fitted like train's (each fold tempered by the T of least log-loss on the other folds) -- a map
of what calibration would face, not train's own calibration code. Needs numpy and pandas.
"""
import sys

import numpy as np
import pandas as pd

ALPHAS = [0, 0.25, 0.5, 0.75, 1.0]
TEMPERATURES = np.exp(np.linspace(np.log(0.2), np.log(5), 161))


def ece(p, y, bins=15):
    conf, right = p.max(axis=1), p.argmax(axis=1) == y
    which = np.minimum((conf * bins).astype(int), bins - 1)  # equal-width bins; 1.0 in the last
    return sum(abs(right[which == b].mean() - conf[which == b].mean()) * (which == b).mean()
               for b in range(bins) if (which == b).any())


def temper(p, t):
    z = np.log(np.clip(p, 1e-12, 1)) / t
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def cross_fitted_temperature(q, y, folds):
    out = np.empty_like(q)
    for f in np.unique(folds):
        m = folds == f
        loss = [-np.mean(np.log(np.clip(temper(q[~m], t)[np.arange((~m).sum()), y[~m]], 1e-12, 1)))
                for t in TEMPERATURES]
        out[m] = temper(q[m], TEMPERATURES[int(np.argmin(loss))])
    return out


def measure(path):
    d = pd.read_csv(path, keep_default_na=False)
    d = d[d["fold"] != "test"]
    pcols = [c for c in d.columns if c.startswith("p_")]
    y = d["genre"].map({c[2:]: i for i, c in enumerate(pcols)}).to_numpy()
    folds = d["fold"].to_numpy()
    p = d[pcols].to_numpy()
    artist_mean = d[pcols].groupby([d["fold"], d["artist"]]).transform("mean").to_numpy()
    row = {"file": path}
    for a in ALPHAS:
        q = (1 - a) * p + a * artist_mean
        row[("accuracy", a)] = pd.Series(q.argmax(axis=1) == y).groupby(folds).mean().mean()
        row[("ece raw", a)] = ece(q, y)
        row[("ece tempered", a)] = ece(cross_fitted_temperature(q, y, folds), y)
    return row


def main(paths):
    rows = [measure(p) for p in paths]
    for what in ("accuracy", "ece raw", "ece tempered"):
        print(what)
        for r in rows:
            print(f"  {r['file']}: " + "  ".join(f"a={a}: {r[(what, a)]:.4f}" for a in ALPHAS))
        values = {a: np.array([r[(what, a)] for r in rows]) for a in ALPHAS}
        print("  mean: " + "  ".join(f"a={a}: {v.mean():.4f} ± {v.std():.4f}" for a, v in values.items()))
        if what == "accuracy":
            print("  assignments at or over 0.70: " + "  ".join(
                f"a={a}: {int((v >= 0.70 - 1e-9).sum())}/{len(v)}" for a, v in values.items()))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
