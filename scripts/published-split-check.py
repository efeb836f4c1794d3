#!/usr/bin/env python3
"""Which test sets could give the Sichuan benchmark's best published figures?

GDFGAT (PLOS ONE 2025) reports accuracy 93.28, F1 92.08, precision 93.51 and recall 90.97 (%).
For a test set of n subscribers with k fraud, this lists every confusion matrix (TP, FP) whose
accuracy and macro-averaged precision, recall and F1, rounded to two decimals, equal those four
figures, and says whether any exists for the papers' file-order test part (the last 1,222 rows of
features.csv.gz, 375 of them fraud). Binary (fraud-class) figures cannot be meant: the harmonic
mean of precision 93.51 and recall 90.97 is 92.22, not 92.08; weighted ones neither, since
weighted recall equals accuracy. Standard library only; docs/model.md quotes the result.

usage: scripts/published-split-check.py [--sizes 600-6106]
"""
import argparse

REPORTED = {"accuracy": 93.28, "precision": 93.51, "recall": 90.97, "f1": 92.08}
FILE_ORDER_TEST = (1222, 375)
# Fraud shares scanned per test-set size; the whole file is 32.13 % fraud.
SHARES_SCANNED = (0.25, 0.40)


def macro_figures(tp, fp, fn, tn):
    """Accuracy and macro-averaged precision, recall and F1, in percent; None when a class has no predictions."""
    if tp + fp == 0 or tn + fn == 0:
        return None
    p1, r1 = tp / (tp + fp), tp / (tp + fn)
    p0, r0 = tn / (tn + fn), tn / (tn + fp)
    f1 = 2 * p1 * r1 / (p1 + r1) if p1 + r1 else 0.0
    f0 = 2 * p0 * r0 / (p0 + r0) if p0 + r0 else 0.0
    n = tp + fp + fn + tn
    return {"accuracy": 100 * (tp + tn) / n, "precision": 50 * (p1 + p0),
            "recall": 50 * (r1 + r0), "f1": 50 * (f1 + f0)}


def fits(tp, fp, n, k):
    """Whether TP and FP on n rows with k fraud give the reported figures, each rounded to two decimals."""
    figures = macro_figures(tp, fp, k - tp, n - k - fp)
    return figures is not None and all(round(figures[m], 2) == REPORTED[m] for m in REPORTED)


def matches(n, k):
    """Every (TP, FP) on n rows with k fraud that fits."""
    return [(tp, fp) for tp in range(k + 1) for fp in range(n - k + 1) if fits(tp, fp, n, k)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="600-6106", help="test-set sizes to scan, FIRST-LAST")
    first, last = (int(x) for x in parser.parse_args().sizes.split("-"))
    n, k = FILE_ORDER_TEST
    print(f"file-order test part ({n} rows, {k} fraud, {100 * k / n:.2f} %): {matches(n, k) or 'no confusion matrix fits'}")
    shares = []
    for size in range(first, last + 1):
        # Accuracy and macro recall fix TP and TN for a given k; scanning k near the data's 32 % is enough.
        for fraud in range(int(size * SHARES_SCANNED[0]), int(size * SHARES_SCANNED[1]) + 1):
            if matches_near(size, fraud):
                shares.append((size, fraud))
    if not shares:
        print("no test set of those sizes fits")
        return
    low = min(f / s for s, f in shares)
    high = max(f / s for s, f in shares)
    print(f"{len(shares)} test sets of {first}-{last} rows with {100 * SHARES_SCANNED[0]:.0f}-{100 * SHARES_SCANNED[1]:.0f} % fraud fit; "
          f"their fraud share is {100 * low:.2f}-{100 * high:.2f} %")
    print("e.g. " + ", ".join(f"{s} rows with {f} fraud" for s, f in shares[:5]))


def matches_near(n, k):
    """As matches(), but only within 2 of the TP and TN that accuracy and macro recall imply (fast enough to scan sizes)."""
    p = k / n
    if abs(1 - 2 * p) < 1e-9:
        return []
    accuracy, recall = REPORTED["accuracy"] / 100, REPORTED["recall"] / 100
    r1 = ((1 - p) * 2 * recall - accuracy) / (1 - 2 * p)
    r0 = 2 * recall - r1
    return [(tp, n - k - tn)
            for tp in range(max(1, round(r1 * k) - 2), min(k, round(r1 * k) + 2) + 1)
            for tn in range(max(1, round(r0 * (n - k)) - 2), min(n - k, round(r0 * (n - k)) + 2) + 1)
            if fits(tp, n - k - tn, n, k)]


if __name__ == "__main__":
    main()
