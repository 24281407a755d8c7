/*
 * --plot: one histogram panel per point (A and B overlaid under --compare),
 * with each variant's median as a dashed line. Plain SVG written by hand.
 */
#include "export.h"

#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 760
#define PANEL_H 190
#define LEFT 60
#define RIGHT 20
#define TOP 34
#define BOTTOM 42
#define MAX_BINS 60

static const char *const colours[] = { "#3b6fb6", "#e07b28" };

static void text(FILE *f, double x, double y, const char *anchor, const char *s, const char *colour)
{
	fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">", x, y, anchor,
		colour);
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else if (*s == '&')
			fputs("&amp;", f);
		else
			fputc(*s, f);
	}
	fputs("</text>\n", f);
}

/* 1, 2 or 5 times a power of ten, giving about five ticks over range. */
static double nice_step(double range)
{
	double raw = range / 5, mag = pow(10, floor(log10(raw))), r = raw / mag;

	return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * mag;
}

/* Arms of the same point as arm i (one per variant); returns how many. */
static int same_point(const struct session *s, int i, int *out)
{
	int n = 0;

	for (int k = 0; k < s->n_arms; k++)
		if (s->arms[k].point.port == s->arms[i].point.port &&
		    s->arms[k].point.value == s->arms[i].point.value && n < 2)
			out[n++] = k;
	return n;
}

static void panel(FILE *f, const struct session *s, const struct analysis *an, const int *arms,
		  int n, double y0)
{
	double lo = INFINITY, hi = -INFINITY, plot_w = WIDTH - LEFT - RIGHT, plot_h;
	int counts[2][MAX_BINS] = { { 0 } }, bins, top = 1;
	size_t most = 1;
	char label[160], buf[64];

	plot_h = PANEL_H - TOP - BOTTOM;
	for (int j = 0; j < n; j++) {
		const struct summary *m = &an->arms[arms[j]].s;

		if (m->n) {
			lo = fmin(lo, m->min * 1e3);
			hi = fmax(hi, m->max * 1e3);
			most = m->n > most ? m->n : most;
		}
	}
	report_arm_label(s, arms[0], label, sizeof(label));
	text(f, LEFT, y0 + 20, "start", n > 1 ? label + 2 : label, "#000");
	if (!isfinite(lo)) {
		text(f, WIDTH / 2.0, y0 + PANEL_H / 2.0, "middle", "no samples", "#000");
		return;
	}
	/* A single value still gets a visible bar. */
	if (hi - lo < 1e-6 * fmax(1, hi)) {
		lo -= fmax(0.5, lo * 0.005);
		hi += fmax(0.5, hi * 0.005);
	}
	bins = (int)ceil(sqrt((double)most));
	bins = bins < 5 ? 5 : bins > MAX_BINS ? MAX_BINS : bins;
	for (int j = 0; j < n; j++) {
		const struct arm *a = &s->arms[arms[j]];

		for (long k = 0; k < a->n_iter; k++)
			if (isfinite(a->t[k])) {
				int b = (int)((a->t[k] * 1e3 - lo) / (hi - lo) * bins);

				b = b < 0 ? 0 : b >= bins ? bins - 1 : b;
				if (++counts[j][b] > top)
					top = counts[j][b];
			}
	}
	for (int j = 0; j < n; j++) {
		const struct summary *m = &an->arms[arms[j]].s;
		double mx = LEFT + (m->median * 1e3 - lo) / (hi - lo) * plot_w;

		for (int b = 0; b < bins; b++) {
			double h = plot_h * counts[j][b] / top;

			if (counts[j][b])
				fprintf(f,
					"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
					"fill=\"%s\" fill-opacity=\"%s\"/>\n",
					LEFT + plot_w * b / bins + 0.5, y0 + TOP + plot_h - h,
					plot_w / bins - 1, h, colours[j], n > 1 ? "0.55" : "0.85");
		}
		if (!m->n)
			continue;
		fprintf(f,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
			"stroke-dasharray=\"4 3\"/>\n",
			mx, y0 + TOP, mx, y0 + TOP + plot_h, colours[j]);
		snprintf(buf, sizeof(buf), "%s%smedian %.2f ms (n=%zu)",
			 s->variants[s->arms[arms[j]].variant].label, n > 1 ? " " : "",
			 m->median * 1e3, m->n);
		text(f, WIDTH - RIGHT, y0 + 20 + 14 * j, "end", buf, colours[j]);
	}
	fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000\"/>\n", LEFT,
		y0 + TOP + plot_h, WIDTH - RIGHT, y0 + TOP + plot_h);
	snprintf(buf, sizeof(buf), "%d", top);
	text(f, LEFT - 6, y0 + TOP + 10, "end", buf, "#000");
	text(f, LEFT - 6, y0 + TOP + plot_h, "end", "0", "#000");
	for (double step = nice_step(hi - lo), t = ceil(lo / step) * step; t <= hi; t += step) {
		double x = LEFT + (t - lo) / (hi - lo) * plot_w;

		fprintf(f,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>\n",
			x, y0 + TOP + plot_h, x, y0 + TOP + plot_h + 4);
		snprintf(buf, sizeof(buf), "%g", t);
		text(f, x, y0 + TOP + plot_h + 16, "middle", buf, "#000");
	}
	/* Timelines time the point itself; the other modes the reap after it. */
	text(f, LEFT + plot_w / 2, y0 + PANEL_H - 8, "middle",
	     s->cfg->mode >= MODE_TIMELINE ? "ms from spawn to the point" : "ms from spawn to reap",
	     "#000");
}

void export_svg(FILE *f, const struct session *s, const struct analysis *an)
{
	int panels = 0, arms[2];

	for (int i = 0; i < s->n_arms; i++)
		panels += s->arms[i].variant == 0;
	fprintf(f,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n"
		"<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n",
		WIDTH, PANEL_H * panels, WIDTH, PANEL_H * panels);
	for (int i = 0, p = 0; i < s->n_arms; i++) {
		if (s->arms[i].variant != 0)
			continue;
		panel(f, s, an, arms, same_point(s, i, arms), (double)PANEL_H * p++);
	}
	fprintf(f, "</svg>\n");
}
