"""SVG plots for bench-report.py, written by hand (no plotting library is a
dependency of the kit): grouped bars of device accesses on a log scale (the
firmwares differ by three orders of magnitude) and strip plots of tFW."""
import math
from xml.sax.saxutils import escape

COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"]


def _svg(w, h, body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="11">\n'
            f'<rect width="{w}" height="{h}" fill="white"/>\n' + "".join(body) + "</svg>\n")


def _legend(names, x, y):
    out = []
    for i, n in enumerate(names):
        out.append(f'<rect x="{x}" y="{y + i * 15}" width="10" height="10" fill="{COLOURS[i % 7]}"/>'
                   f'<text x="{x + 14}" y="{y + i * 15 + 9}">{escape(n)}</text>\n')
    return out


def _log_axis(x0, x1, y, lo, hi, top):
    """Ticks at the powers of ten from lo to hi; returns (elements, scale)."""
    a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    b = max(b, a + 1)

    def scale(v):
        return x0 + (math.log10(max(v, 10 ** a)) - a) / (b - a) * (x1 - x0)
    out = [f'<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="black"/>\n']
    for e in range(a, b + 1):
        x = scale(10 ** e)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{y}" stroke="#ddd"/>'
                   f'<text x="{x:.1f}" y="{y + 14}" text-anchor="middle">{10 ** e:,}</text>\n')
    return out, scale


def access_bars(title, devices, series, path):
    """devices: row labels; series: [(firmware, {device: n}, note)]; log-scale bars."""
    names = [s[0] for s in series]
    bar, gap, left, right = 9, 8, 230, 640
    rows = [d for d in devices if any(s[1].get(d) for s in series)] or devices[:1]
    group = bar * len(series) + gap
    top = 40
    h = top + group * len(rows) + 70 + 15 * len(series)
    vals = [v for s in series for v in s[1].values() if v]
    axis, scale = _log_axis(left, right, top + group * len(rows), 1, max(vals or [10]), top)
    body = [f'<text x="10" y="20" font-size="13" font-weight="bold">{escape(title)}</text>\n'] + axis
    for r, d in enumerate(rows):
        y = top + r * group
        body.append(f'<text x="{left - 6}" y="{y + group / 2}" text-anchor="end">{escape(d)}</text>\n')
        for i, (name, dev, _) in enumerate(series):
            v = dev.get(d, 0)
            if not v:
                continue
            yy = y + i * bar
            w = scale(v) - left
            body.append(f'<rect x="{left}" y="{yy}" width="{max(w, 1):.1f}" height="{bar - 1}" '
                        f'fill="{COLOURS[i % 7]}"><title>{escape(name)}: {v}</title></rect>'
                        f'<text x="{left + w + 3:.1f}" y="{yy + bar - 1}" font-size="8">{v}</text>\n')
    ly = top + group * len(rows) + 34
    body.append(f'<text x="{left}" y="{ly - 4}">accesses from reset to the jump (log scale, TCG)</text>\n')
    labels = [n + (f" ({note})" if note else "") for n, _, note in series]
    body += _legend(labels, left, ly + 4)
    open(path, "w").write(_svg(right + 60, h + 10, body))


def tfw_strips(title, groups, path):
    """groups: [(label, [microseconds])]; one row of dots per firmware, median bar, log scale."""
    left, right, row, top = 250, 660, 26, 40
    vals = [v for _, xs in groups for v in xs if v > 0]
    if not vals:
        return
    h = top + row * len(groups) + 40
    axis, scale = _log_axis(left, right, top + row * len(groups), min(vals), max(vals), top)
    body = [f'<text x="10" y="20" font-size="13" font-weight="bold">{escape(title)}</text>\n'] + axis
    for i, (label, xs) in enumerate(groups):
        y = top + i * row + row / 2
        body.append(f'<text x="{left - 6}" y="{y + 4}" text-anchor="end">{escape(label)}</text>\n')
        for k, v in enumerate(sorted(xs)):
            jitter = ((k * 7) % 9 - 4) * 1.2
            body.append(f'<circle cx="{scale(v):.1f}" cy="{y + jitter:.1f}" r="2" '
                        f'fill="{COLOURS[i % 7]}" fill-opacity="0.6"/>')
        if xs:
            s = sorted(xs)
            m = s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2
            body.append(f'<line x1="{scale(m):.1f}" y1="{y - 9}" x2="{scale(m):.1f}" y2="{y + 9}" '
                        f'stroke="black" stroke-width="2"><title>median {m:.0f} us</title></line>\n')
    body.append(f'<text x="{left}" y="{h - 6}">tFW in microseconds, reset to kernel entry '
                f'(log scale; bar: median; TCG)</text>\n')
    open(path, "w").write(_svg(right + 40, h + 5, body))
