package dev.sigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG, with linear or logarithmic axes, solid or dashed series, and optional horizontal
 * reference lines. Plain SVG elements only: no scripts, no fonts, no external references.
 */
final class SvgChart {
    static final String[] PALETTE = {"#1f6feb", "#d4380d", "#2da44e", "#8250df", "#bf8700", "#cf222e", "#0a7d87"};

    /** One point of a series. */
    record Point(double x, double y) {
    }

    /** A named line; {@code dashed} for baselines. */
    record Series(String name, String color, boolean dashed, List<Point> points) {
    }

    private static final int W = 600;
    private static final int H = 360;
    private static final int LEFT = 78;
    private static final int RIGHT = 190;
    private static final int TOP = 34;
    private static final int BOTTOM = 48;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    /** A labelled vertical line at one x value (e.g. a crossover batch size). */
    private record Marker(double x, String label, String color) {
    }

    SvgChart(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.logY = logY;
    }

    SvgChart add(Series s) {
        if (!s.points().isEmpty()) {
            series.add(s);
        }
        return this;
    }

    /** A horizontal reference line drawn across the whole x range. */
    SvgChart reference(String name, String color, double y) {
        series.add(new Series(name, color, true, List.of(new Point(Double.NaN, y))));
        return this;
    }

    /** A vertical dashed line at {@code x} with a short label at its top. */
    SvgChart marker(double x, String label, String color) {
        markers.add(new Marker(x, label, color));
        return this;
    }

    String render() {
        Axis x = new Axis(range(true), logX, LEFT, W - RIGHT);
        Axis y = new Axis(range(false), logY, H - BOTTOM, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n",
                W, H, W, H, Html.escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", W, H));
        text(svg, W / 2.0 - RIGHT / 2.0, 20, "middle", 14, "bold", title);
        grid(svg, x, y);
        for (int i = 0; i < series.size(); i++) {
            line(svg, series.get(i), x, y);
            legend(svg, series.get(i), i);
        }
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            double px = x.map(m.x());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>%n", px, TOP, px, H - BOTTOM, m.color()));
            text(svg, px + 4, TOP + 14 + 14 * i, "start", 10, "normal", m.label());
        }
        return svg.append("</svg>\n").toString();
    }

    private double[] range(boolean horizontal) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean log = horizontal ? logX : logY;
        for (Series s : series) {
            for (Point p : s.points()) {
                double v = horizontal ? p.x() : p.y();
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {1, 10};
        }
        if (!log) {
            lo = Math.min(0, lo);
        }
        if (hi <= lo) {
            hi = log ? lo * 10 : lo + 1;
        }
        return new double[] {lo, hi};
    }

    private void grid(StringBuilder svg, Axis x, Axis y) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
        for (double t : x.ticks()) {
            double px = x.map(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e5e5e5\"/>%n",
                    px, TOP, px, H - BOTTOM));
            text(svg, px, H - BOTTOM + 16, "middle", 11, "normal", Axis.label(t));
        }
        for (double t : y.ticks()) {
            double py = y.map(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n",
                    LEFT, py, W - RIGHT, py));
            text(svg, LEFT - 6, py + 4, "end", 11, "normal", Axis.label(t));
        }
        text(svg, (LEFT + W - RIGHT) / 2.0, H - 10, "middle", 12, "normal", xLabel);
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 14 %.1f)\">%s</text>%n", (TOP + H - BOTTOM) / 2.0,
                (TOP + H - BOTTOM) / 2.0, Html.escape(yLabel)));
    }

    private static void line(StringBuilder svg, Series s, Axis x, Axis y) {
        String dash = s.dashed() ? " stroke-dasharray=\"6 4\"" : "";
        if (s.points().size() == 1 && Double.isNaN(s.points().getFirst().x())) {
            double py = y.map(s.points().getFirst().y());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"1.5\"%s/>%n", LEFT, py, W - RIGHT, py, s.color(), dash));
            return;
        }
        StringBuilder pts = new StringBuilder();
        for (Point p : s.points()) {
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.map(p.x()), y.map(p.y())));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s "
                + "points=\"%s\"/>%n", s.color(), dash, pts.toString().trim()));
        for (Point p : s.points()) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                    x.map(p.x()), y.map(p.y()), s.color()));
        }
    }

    private static void legend(StringBuilder svg, Series s, int i) {
        double ly = TOP + 10 + i * 18;
        double lx = W - RIGHT + 12;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"2\"%s/>%n", lx, ly, lx + 18, ly, s.color(),
                s.dashed() ? " stroke-dasharray=\"4 3\"" : ""));
        text(svg, lx + 24, ly + 4, "start", 11, "normal", s.name());
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String weight,
            String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" "
                + "text-anchor=\"%s\">%s</text>%n", x, y, size, weight, anchor, Html.escape(content)));
    }

    /** Maps data values to pixels and chooses tick values. */
    private record Axis(double lo, double hi, boolean log, double p0, double p1) {
        Axis(double[] range, boolean log, double p0, double p1) {
            this(log ? Math.pow(10, Math.floor(Math.log10(range[0]))) : range[0],
                    log ? Math.pow(10, Math.ceil(Math.log10(range[1]))) : niceCeil(range[1]), log, p0, p1);
        }

        double map(double v) {
            if (log) {
                double t = (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
                return p0 + t * (p1 - p0);
            }
            return p0 + (v - lo) / (hi - lo) * (p1 - p0);
        }

        List<Double> ticks() {
            List<Double> out = new ArrayList<>();
            if (log) {
                for (double d = lo; d <= hi * 1.0001; d *= 10) {
                    out.add(d);
                }
                return out;
            }
            double step = niceCeil((hi - lo) / 5);
            for (double v = lo; v <= hi + step / 1e6; v += step) {
                out.add(v);
            }
            return out;
        }

        static double niceCeil(double v) {
            if (v <= 0) {
                return 1;
            }
            double p = Math.pow(10, Math.floor(Math.log10(v)));
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * p >= v) {
                    return m * p;
                }
            }
            return 10 * p;
        }

        static String label(double v) {
            double a = Math.abs(v);
            if (a >= 1e6) {
                return trim(v / 1e6) + "M";
            }
            if (a >= 1e3) {
                return trim(v / 1e3) + "k";
            }
            return trim(v);
        }

        private static String trim(double v) {
            String s = String.format(Locale.ROOT, "%.2f", v);
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
    }
}
