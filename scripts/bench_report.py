#!/usr/bin/env python3
"""Prints scripts/bench's results table and draws its scaling plot (issue 11).

Reads the beckon-load JSON reports that scripts/bench left in a folder: NAME-beckon.json,
NAME-relay.json, NAME-durable.json (chat only) and NAME-node.json for each scenario, and sweep-KIND-TARGET-X.json for the
scaling runs. The plot is a plain SVG written here, so the benchmark needs no plotting
package.
"""
import glob
import json
import os
import sys


def load(folder, name):
    path = os.path.join(folder, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def get(report, path):
    v = report
    for key in path.split("."):
        if v is None:
            return None
        v = v.get(key) if isinstance(v, dict) else None
    return v


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.1f}" if v < 100 else f"{v:.0f}"
    return str(v)


def ratio(a, b):
    if a is None or b in (None, 0):
        return "-"
    return f"{a / b:.1f}x"


def table(folder, storm_rate):
    b = {k: load(folder, f"{k}-beckon") for k in ("idle", "chat", "storm", "storm-max")}
    r = {k: load(folder, f"{k}-relay") for k in ("idle", "chat")}
    n = {k: load(folder, f"{k}-node") for k in ("idle", "chat")}
    dur = {"chat": load(folder, "chat-durable")}
    rows = []

    def row(label, scenario, path, scale=1.0):
        vals = []
        for src in (b, r, dur, n):
            rep = src.get(scenario)
            v = get(rep, path) if rep else None
            vals.append(v / scale if isinstance(v, (int, float)) else v)
        rows.append((label, *vals))

    row("idle: connections held", "idle", "connections_held")
    row("idle: server RSS after setup (MiB)", "idle", "server_rss_kib.after_setup", 1024)
    row("idle: RSS per connection (KiB)", "idle", "server_rss_kib.per_connection")
    row("chat: connections held", "chat", "connections_held")
    row("chat: messages delivered per second", "chat", "messages.per_sec")
    for d in ("customer_to_rep", "rep_to_customer"):
        for q in ("p50", "p90", "p99", "max"):
            row(f"chat: {d} {q} (ms)", "chat", f"latency.{d}.{q}_ms")
    row("chat: server RSS peak (MiB)", "chat", "server_rss_kib.peak", 1024)
    row(f"start-storm at {storm_rate}/s: starts per second", "storm", "starts.per_sec")
    for q in ("p50", "p99", "max"):
        row(f"start-storm at {storm_rate}/s: start {q} (ms)", "storm", f"latency.start.{q}_ms")
    row("start-storm flat out: starts per second", "storm-max", "starts.per_sec")
    row("start-storm flat out: start p99 (ms)", "storm-max", "latency.start.p99_ms")

    print("| measure | Beckon | Rust relay | Rust relay, durable | Node ws relay "
          "| Beckon/Rust | Beckon/durable | Beckon/Node |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, bv, rv, dv, nv in rows:
        print(f"| {label} | {fmt(bv)} | {fmt(rv)} | {fmt(dv)} | {fmt(nv)} "
              f"| {ratio(bv, rv)} | {ratio(bv, dv)} | {ratio(bv, nv)} |")
    print()
    print("errors:")
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path) as f:
            print(f"  {os.path.basename(path)[:-5]:28} {json.dumps(json.load(f).get('errors'))}")


COLORS = {"beckon": "#1f6feb", "relay": "#6e7781", "durable": "#1a7f37", "node": "#bf8700"}
LABELS = {"beckon": "Beckon", "relay": "Rust relay", "durable": "Rust relay, durable",
          "node": "Node ws relay"}


def sweep(folder, kind, path):
    """{target: [(x, y)]} from sweep-KIND-TARGET-X.json files."""
    out = {}
    for p in glob.glob(os.path.join(folder, f"sweep-{kind}-*.json")):
        _, _, target, x = os.path.basename(p)[:-5].split("-")
        with open(p) as f:
            y = get(json.load(f), path)
        if isinstance(y, (int, float)):
            out.setdefault(target, []).append((int(x), float(y)))
    return {t: sorted(v) for t, v in out.items()}


def panel(x0, title, xlabel, ylabel, series, w=420, h=300):
    pts = [p for s in series.values() for p in s]
    if not pts:
        return ""
    xmax = max(x for x, _ in pts) * 1.05
    ymax = max(y for _, y in pts) * 1.15 or 1
    left, top, pw, ph = x0 + 60, 40, w - 80, h - 90
    sx = lambda x: left + pw * x / xmax
    sy = lambda y: top + ph - ph * y / ymax
    svg = [f'<text x="{x0 + w / 2}" y="22" text-anchor="middle" font-weight="bold">{title}</text>',
           f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="#000"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + ph}" stroke="#000"/>',
           f'<text x="{left + pw / 2}" y="{top + ph + 36}" text-anchor="middle">{xlabel}</text>',
           f'<text transform="translate({x0 + 16},{top + ph / 2}) rotate(-90)" text-anchor="middle">{ylabel}</text>']
    for i in range(5):
        yv, xv = ymax * i / 4, xmax * i / 4
        svg.append(f'<text x="{left - 6}" y="{sy(yv) + 4}" text-anchor="end" font-size="11">{yv:.3g}</text>')
        svg.append(f'<text x="{sx(xv)}" y="{top + ph + 16}" text-anchor="middle" font-size="11">{xv:.0f}</text>')
    for n, (target, s) in enumerate(sorted(series.items())):
        c = COLORS.get(target, "#000")
        svg.append('<polyline fill="none" stroke-width="2" stroke="%s" points="%s"/>'
                   % (c, " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in s)))
        for x, y in s:
            svg.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" fill="{c}"/>')
        svg.append(f'<text x="{left + 10}" y="{top + 14 + 16 * n}" fill="{c}" font-size="12">{LABELS.get(target, target)}</text>')
    return "\n".join(svg)


def plot(folder, out):
    mem = sweep(folder, "idle", "server_rss_kib.after_setup")
    mem = {t: [(x, y / 1024) for x, y in s] for t, s in mem.items()}
    lat = sweep(folder, "chat", "latency.customer_to_rep.p99_ms")
    if not mem and not lat:
        return False
    body = panel(0, "Memory vs idle connections", "sessions (2 sockets each for Beckon)", "server RSS (MiB)", mem)
    body += panel(440, "Latency vs message rate", "messages per second (customers)", "p99 customer to rep (ms)", lat)
    with open(out, "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="880" height="300" font-family="sans-serif" font-size="13">\n'
                '<rect width="100%" height="100%" fill="#fff"/>\n' + body + "\n</svg>\n")
    return True


if __name__ == "__main__":
    folder = sys.argv[1]
    table(folder, sys.argv[2] if len(sys.argv) > 2 else "?")
    if len(sys.argv) > 3 and plot(folder, sys.argv[3]):
        print(f"\nplot: {sys.argv[3]}")
