"""Reference values of the statistics tests in dev.assay.analysis, computed independently with SciPy.

Run with Debian's python3-scipy and python3-sklearn (SciPy 1.10.1, scikit-learn 1.2.1 when the
values in the tests were written):  /usr/bin/python3 assay-server/src/test/python/analysis_reference_values.py
"""
import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn.metrics import cohen_kappa_score

print("scipy", scipy.__version__, "sklearn", sklearn.__version__)

PAIRED = {
    # continuous scores, one zero difference, tied absolute differences
    "mixed": ([0.2, 0.4, 0.5, 0.6, 0.1, 0.9, 0.3, 0.7, 0.8, 0.5],
              [0.5, 0.6, 0.5, 0.9, 0.4, 0.95, 0.35, 0.9, 0.85, 0.7]),
    # pass/fail scores: heavy ties and zeros
    "binary": ([1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0],
               [1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1]),
    # a regression without ties, n = 25
    "regression": ([0.91, 0.87, 0.78, 0.95, 0.66, 0.72, 0.81, 0.99, 0.58, 0.84, 0.77, 0.69, 0.93,
                    0.88, 0.74, 0.62, 0.97, 0.83, 0.71, 0.9, 0.79, 0.68, 0.86, 0.75, 0.94],
                   [0.85, 0.88, 0.61, 0.9, 0.52, 0.7, 0.63, 0.96, 0.57, 0.73, 0.79, 0.55, 0.91,
                    0.8, 0.6, 0.64, 0.89, 0.74, 0.56, 0.92, 0.65, 0.59, 0.76, 0.67, 0.82]),
    # a single non-zero difference
    "one": ([0.5, 0.5, 0.5], [0.5, 0.7, 0.5]),
}
for name, (base, candidate) in PAIRED.items():
    result = stats.wilcoxon(candidate, base, zero_method="wilcox", correction=True, method="approx")
    print(f"wilcoxon {name}: statistic={result.statistic!r} pvalue={result.pvalue!r}")

UNPAIRED = {
    "mixed": ([0.2, 0.4, 0.5, 0.6, 0.1, 0.9, 0.3, 0.7, 0.8, 0.5, 0.45, 0.55],
              [0.5, 0.6, 0.5, 0.9, 0.4, 0.95, 0.35, 0.9, 0.85, 0.7, 0.65, 0.75, 0.8, 0.6, 0.99]),
    "binary": ([1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1],
               [1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1]),
    "singletons": ([0.3], [0.8]),
}
for name, (base, candidate) in UNPAIRED.items():
    result = stats.mannwhitneyu(base, candidate, use_continuity=True, alternative="two-sided", method="asymptotic")
    print(f"mannwhitneyu {name}: statistic={result.statistic!r} pvalue={result.pvalue!r}")

for name, values in {"mixed": PAIRED["mixed"][0], "binary": PAIRED["binary"][1], "pair": [0.25, 0.75]}.items():
    values = np.array(values, dtype=float)
    low, high = stats.t.interval(0.95, len(values) - 1, loc=values.mean(), scale=stats.sem(values))
    print(f"t.interval {name}: mean={values.mean()!r} low={low!r} high={high!r}")

AGREEMENT = {
    "judge": ([0.9, 0.2, 0.7, 0.4, 0.8, 0.1, 0.6, 0.3, 0.95, 0.55, 0.45, 0.65],
              [1.0, 0.0, 0.8, 0.6, 0.7, 0.2, 0.4, 0.3, 0.9, 0.5, 0.5, 0.9]),
}
for name, (machine, human) in AGREEMENT.items():
    machine, human = np.array(machine), np.array(human)
    pearson = stats.pearsonr(machine, human)
    spearman = stats.spearmanr(machine, human)
    kappa = cohen_kappa_score(machine >= 0.5, human >= 0.5)
    mae = np.abs(machine - human).mean()
    print(f"agreement {name}: pearson={pearson.statistic!r} spearman={spearman.correlation!r} "
          f"kappa={kappa!r} mae={mae!r}")
