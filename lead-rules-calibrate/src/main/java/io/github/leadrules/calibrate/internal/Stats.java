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

    /** {@code round(d · log2(odds(p) / odds(p0)))}, limited to ±1000. */
    static int points(double p, double p0, int perDoubling) {
        double q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
        double logOddsRatio = Math.log((q / (1 - q)) / (p0 / (1 - p0))) / Math.log(2);
        long pts = Math.round(perDoubling * logOddsRatio);
        return (int) Math.max(-1000, Math.min(1000, pts));
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
