package io.github.leadrules.calibrate.internal;

/** The arithmetic: two-proportion z, shrunk rates, points, spread. */
final class Stats {

    private Stats() {
    }

    /** The two-proportion z of k1/n1 against k2/n2 with the pooled rate; 0 when either side is empty or the pooled rate is 0 or 1. */
    static double z(int k1, int n1, int k2, int n2) {
        if (n1 == 0 || n2 == 0) {
            return 0;
        }
        double p = (double) (k1 + k2) / (n1 + n2);
        if (p <= 0 || p >= 1) {
            return 0;
        }
        double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
        return ((double) k1 / n1 - (double) k2 / n2) / se;
    }

    /** The m-estimate {@code (k + m·p0) / (n + m)}: the posterior mean under a Beta(m·p0, m·(1−p0)) prior. */
    static double shrunk(int k, int n, double p0, double m) {
        return (k + m * p0) / (n + m);
    }

    /** {@code log2(odds(p) / odds(p0))}, p kept inside (0, 1). */
    static double log2OddsRatio(double p, double p0) {
        double q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
        return Math.log((q / (1 - q)) / (p0 / (1 - p0))) / Math.log(2);
    }

    /** The standard normal's upper tail doubled: the two-sided p-value of |z| (erfc after Numerical Recipes, error below 1.2e-7). */
    static double twoSided(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return erfc;
    }

    /**
     * The |z| that keeps the family-wise error of {@code comparisons} tests at the level of one
     * test at |z| = {@code z} (Bonferroni): the z whose two-sided p-value is p(z) / comparisons.
     */
    static double bonferroni(double z, int comparisons) {
        if (comparisons <= 1 || z <= 0) {
            return z;
        }
        double target = twoSided(z) / comparisons;
        double lo = z;
        double hi = z + 10;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (twoSided(mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    /** Sample standard deviation (n − 1); 0 for fewer than two values. */
    static double spread(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
