"""Small SVG charts drawn on the server: a cooperation–conflict line and a partner network.

The functions return plain geometry (numbers and strings) that the templates draw;
all text goes through Jinja2's autoescape there.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

SCORE_MAX = 10.0  # PLOVER/Goldstein scores run from -10 (conflict) to +10 (cooperation)


def month_range(first: str, last: str) -> list[str]:
    """Every month ``YYYY-MM`` from ``first`` to ``last`` inclusive."""
    try:
        y, m = int(first[:4]), int(first[5:7])
        y2, m2 = int(last[:4]), int(last[5:7])
    except (ValueError, IndexError):
        return sorted({first, last})
    out: list[str] = []
    while (y, m) <= (y2, m2) and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# A record of chart geometry; its field list is alike in shape to model.Report's only.
@dataclass
class LineChart:
    width: int
    height: int
    top: int
    plot_height: int
    left: int
    zero_y: float
    points: list[dict] = field(default_factory=list)
    bars: list[dict] = field(default_factory=list)
    ticks_y: list[dict] = field(default_factory=list)
    ticks_x: list[dict] = field(default_factory=list)
    path: str = ""
    gap_path: str = ""  # dashed: joins the line across months without events
    bar_top: int = 0
    bar_height: int = 0
    max_events: int = 0


def score_chart(rows: list[dict], *, width: int = 900, height: int = 300) -> LineChart | None:
    """Mean score by month as a line over -10..+10, with the number of events as bars.

    ``rows`` are ``{"month", "events", "score"}`` (months without events are gaps in the
    line but keep their place on the time axis).
    """
    rows = [r for r in rows if r.get("month") and len(r["month"]) >= 7]
    if not rows:
        return None
    by_month = {r["month"][:7]: r for r in rows}
    months = month_range(min(by_month), max(by_month))
    left, right, top = 44, 12, 12
    bar_height = 46
    plot_height = height - top - bar_height - 34
    plot_width = width - left - right
    step = plot_width / max(1, len(months))

    def y_of(score: float) -> float:
        return round(top + (SCORE_MAX - score) / (2 * SCORE_MAX) * plot_height, 1)

    chart = LineChart(width, height, top, plot_height, left, y_of(0.0))
    chart.bar_top = top + plot_height + 8
    chart.bar_height = bar_height
    chart.max_events = max(r.get("events") or 0 for r in rows) or 1
    segments: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    for i, month in enumerate(months):
        x = round(left + step * (i + 0.5), 1)
        row = by_month.get(month)
        if row is None or row.get("score") is None:
            if current:
                segments.append(current)
            current = []
            continue
        score = float(row["score"])
        point = {"x": x, "y": y_of(score), "month": month, "score": round(score, 2),
                 "events": row.get("events") or 0, "tone": _tone(score)}  # fmt: skip
        chart.points.append(point)
        current.append(point)
        h = round((row.get("events") or 0) / chart.max_events * (bar_height - 4), 1)
        chart.bars.append({"x": round(x - min(step * 0.35, 9), 1), "w": round(min(step * 0.7, 18), 1),
                           "y": round(chart.bar_top + bar_height - h, 1), "h": h,
                           "month": month, "events": row.get("events") or 0})  # fmt: skip
    if current:
        segments.append(current)
    chart.path = " ".join(
        "M" + " L".join(f"{p['x']},{p['y']}" for p in seg) for seg in segments if len(seg) > 1
    )
    chart.gap_path = " ".join(
        f"M{a[-1]['x']},{a[-1]['y']} L{b[0]['x']},{b[0]['y']}"
        for a, b in itertools.pairwise(segments)
    )
    chart.ticks_y = [{"y": y_of(v), "label": f"{v:+g}" if v else "0"} for v in (10, 5, 0, -5, -10)]
    every = max(1, math.ceil(len(months) / 12))
    chart.ticks_x = [
        {"x": round(left + step * (i + 0.5), 1), "label": month}
        for i, month in enumerate(months)
        if i % every == 0
    ]
    return chart


def _tone(score: float) -> str:
    if score >= 1:
        return "coop"
    if score <= -1:
        return "conflict"
    return "neutral"


@dataclass
class Network:
    width: int
    size: int
    center: dict
    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)


def partner_network(name: str, partners: list[dict], *, size: int = 460) -> Network:
    """The actor in the middle, its partners on a circle; edge width by events, colour by score."""
    margin = 150  # room for the labels left and right
    c = size / 2
    network = Network(size + 2 * margin, size, {"x": c + margin, "y": c, "label": name})
    if not partners:
        return network
    most = max(p.get("events") or 1 for p in partners)
    radius = c - 40
    for i, p in enumerate(partners):
        angle = -math.pi / 2 + 2 * math.pi * i / len(partners)
        x = round(margin + c + radius * math.cos(angle), 1)
        y = round(c + radius * math.sin(angle), 1)
        n = p.get("events") or 1
        score = p.get("score")
        node = {"x": x, "y": y, "label": p.get("name") or "?", "country": p.get("country"),
                "events": n, "score": score, "r": round(5 + 9 * (n / most) ** 0.5, 1),
                "anchor": "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle",
                "lx": round(margin + c + (radius + 16) * math.cos(angle), 1),
                "ly": round(c + (radius + 16) * math.sin(angle) + 4, 1)}  # fmt: skip
        network.nodes.append(node)
        network.edges.append({"x1": c + margin, "y1": c, "x2": x, "y2": y,
                              "w": round(1 + 5 * n / most, 1),
                              "tone": _tone(score) if score is not None else "neutral"})  # fmt: skip
    return network
