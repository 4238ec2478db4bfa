"""A world map as SVG from the vendored Natural Earth 110m countries (npm ``world-atlas``).

The TopoJSON is decoded once, projected with a plain equirectangular projection and
kept as one SVG path per country, keyed by ISO 3166 alpha-3 code.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

from communique import countries as country_table

WIDTH, HEIGHT = 960.0, 440.0
NORTH, SOUTH = 84.0, -58.0  # crop the poles: nothing happens there worth the space


@dataclass(frozen=True)
class Country:
    code: str  # ISO alpha-3, or the Natural Earth numeric id when it has none
    name: str
    path: str


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection of (lon, lat) onto the map's pixel box."""
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (NORTH - lat) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every country shape as an SVG path, sorted by code."""
    raw = resources.files("communique.web").joinpath("data/countries-110m.json").read_text("utf-8")
    topology = json.loads(raw)
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = _polygons(geometry)
        if not polygons:
            continue
        path = "".join(_ring_path(ring, arcs) for polygon in polygons for ring in polygon)
        numeric = str(geometry.get("id") or "")
        shapes.append(
            Country(_alpha3(numeric), geometry.get("properties", {}).get("name", ""), path)
        )
    return tuple(sorted(shapes, key=lambda c: (c.code, c.name)))


def _alpha3(numeric: str) -> str:
    return country_table.alpha3(numeric) or numeric or "-"


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc (quantized and delta-encoded in the file)."""
    transform = topology.get("transform")
    decoded = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(p[0], p[1]) for p in arc]
        decoded.append(points)
    return decoded


def _polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def _ring_path(ring: list[int], arcs: list[list[tuple[float, float]]]) -> str:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    projected = [project(lon, lat) for lon, lat in _unwrapped(points)]
    deduped = [p for i, p in enumerate(projected) if i == 0 or p != projected[i - 1]]
    if len(deduped) < 3:
        return ""
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in deduped) + "Z"


def _unwrapped(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Keep a ring continuous across the antimeridian (the part past it falls off the map)
    instead of drawing a line across the whole world."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in points:
        if out:
            jump = lon + shift - out[-1][0]
            if jump > 180:
                shift -= 360
            elif jump < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    r: float
    label: str
    href: str | None
    score: float | None
    events: int


def markers(places: list[dict], *, href=None, max_radius: float = 14.0) -> list[Marker]:
    """Circles for places ``{"name", "country", "lat", "lon", "events", "score"}``, biggest first."""
    if not places:
        return []
    most = max(p.get("events") or 1 for p in places)
    out = []
    for p in places:
        if p.get("lat") is None or p.get("lon") is None:
            continue
        x, y = project(float(p["lon"]), float(p["lat"]))
        if not (0 <= y <= HEIGHT):
            continue
        n = p.get("events") or 1
        radius = 3.0 + (max_radius - 3.0) * (n / most) ** 0.5
        label = (
            f"{p.get('name') or '?'}{', ' + p['country'] if p.get('country') else ''}: {n} event(s)"
        )
        out.append(
            Marker(x, y, round(radius, 1), label, href(p) if href else None, p.get("score"), n)
        )
    return sorted(out, key=lambda m: (-m.r, m.x, m.y))
