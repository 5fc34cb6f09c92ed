package jp.kakehashi.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bar charts as SVG geometry computed on the server: the dashboard places the rectangles and labels
 * with Thymeleaf, so there is no script and the Content-Security-Policy stays strict. Colours come
 * from the stylesheet by class. Every chart sits beside a table of the same numbers, which is what
 * a screen reader reads; the SVG is {@code aria-hidden}.
 */
final class Charts {
    static final int WIDTH = 360;
    static final int ROW = 22;
    static final int LABEL = 80;
    static final int HEIGHT = 160;

    private Charts() {
    }

    /** One rectangle; {@code text} is its tooltip ({@code <title>}). */
    record Bar(double x, double y, double width, double height, String cls, String text) {
        public String xs() {
            return fmt(x);
        }

        public String ys() {
            return fmt(y);
        }

        public String widths() {
            return fmt(width);
        }

        public String heights() {
            return fmt(height);
        }
    }

    /** A label at (x, y). */
    record Label(double x, double y, String text) {
        public String xs() {
            return fmt(x);
        }

        public String ys() {
            return fmt(y);
        }
    }

    record Chart(int width, int height, List<Bar> bars, List<Label> labels) {
        public String viewBox() {
            return "0 0 " + width + " " + height;
        }
    }

    /**
     * Horizontal bars, one row per {@code rows} entry, each split into {@code series} segments by
     * {@code values[row][series]}, scaled to the largest row total.
     */
    static Chart stacked(List<String> rows, List<String> series, int[][] values) {
        int max = 1;
        for (int[] row : values) {
            max = Math.max(max, java.util.Arrays.stream(row).sum());
        }
        double scale = (WIDTH - LABEL - 40) / (double) max;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            double y = r * ROW + 4;
            double x = LABEL;
            int total = 0;
            for (int s = 0; s < series.size(); s++) {
                int v = values[r][s];
                if (v > 0) {
                    bars.add(new Bar(x, y, v * scale, ROW - 6, "series-" + s, rows.get(r) + " · " + series.get(s) + ": " + v));
                    x += v * scale;
                    total += v;
                }
            }
            labels.add(new Label(0, y + ROW - 10, rows.get(r)));
            labels.add(new Label(x + 4, y + ROW - 10, String.valueOf(total)));
        }
        return new Chart(WIDTH, Math.max(ROW, rows.size() * ROW + 4), bars, labels);
    }

    /** Vertical bars, one per label, scaled to the largest value; the value above each bar. */
    static Chart columns(List<String> labels, List<? extends Number> values, String cls) {
        double max = 1;
        for (Number v : values) {
            max = Math.max(max, v.doubleValue());
        }
        int n = Math.max(1, labels.size());
        double slot = WIDTH / (double) n;
        double plot = HEIGHT - 36;
        List<Bar> bars = new ArrayList<>();
        List<Label> texts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            double v = values.get(i).doubleValue();
            double h = v / max * plot;
            double x = i * slot + slot * 0.15;
            bars.add(new Bar(x, 16 + plot - h, slot * 0.7, h, cls, labels.get(i) + ": " + number(v)));
            texts.add(new Label(x, 12 + plot - h, number(v)));
            texts.add(new Label(x, HEIGHT - 4, labels.get(i)));
        }
        return new Chart(WIDTH, HEIGHT, bars, texts);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
