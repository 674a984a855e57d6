"""How much of an ECE is sampling noise, on train's out-of-fold predictions (issue 17; docs/benchmarks.md).

    python3 docs/analysis/ece_noise.py MODEL/out-of-fold.csv [MODEL2/out-of-fold.csv ...]

For each file: the 15-bin ECE of its probabilities with their real genres, and what perfectly calibrated
predictions at the same confidences would read -- 2,000 draws in which each track's top genre is right with
probability equal to its confidence (consistency resampling, Broecker & Smith 2007; train's
CalibrationConsistency does the same on the calibrated predictions it keeps). The file's probabilities are the
model's before calibration, so this is the noise level, not train's figure after calibration. Needs numpy, pandas.
"""
import sys

import numpy as np
import pandas as pd

from artist_smoothing import ece

DRAWS = 2000


def noise(p, bins=15, seed=0):
    conf = p.max(axis=1)
    which = np.minimum((conf * bins).astype(int), bins - 1)
    right = np.random.default_rng(seed).random((DRAWS, len(conf))) < conf
    return np.array([sum(abs(r[which == b].sum() - conf[which == b].sum()) for b in range(bins)) / len(conf)
                     for r in right])


def main(paths):
    print('file  tracks  ECE  | calibrated at these confidences: mean  95th pct  P(ECE > 0.05)  p-value')
    for path in paths:
        d = pd.read_csv(path, keep_default_na=False)
        d = d[d.fold != 'test']
        cols = [c for c in d.columns if c.startswith('p_')]
        p = d[cols].to_numpy()
        y = d.genre.map({c[2:]: i for i, c in enumerate(cols)}).to_numpy()
        measured = ece(p, y)
        e = noise(p)
        print('%s  %d  %.4f | %.4f  %.4f  %.2f  %.3f' % (path, len(d), measured, e.mean(), np.percentile(e, 95),
                                                      (e > 0.05).mean(), (e >= measured).mean()))


if __name__ == '__main__':
    main(sys.argv[1:])
