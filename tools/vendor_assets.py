"""Fetch the web UI's third-party assets from the npm registry at build time and copy what the app
serves into ``src/marsad/web/static/vendor/`` (git-ignored): Leaflet, the Noto Naskh Arabic font, Swagger
UI, and country outlines cut to the region (lon 20..65, lat 5..45) and simplified.

Run ``python tools/vendor_assets.py`` (``make assets``). Nothing is fetched at run time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NPM_DIR = ROOT / "build" / "npm"
VENDOR = ROOT / "src" / "marsad" / "web" / "static" / "vendor"
PACKAGES = ("leaflet@1.9.4", "@fontsource/noto-naskh-arabic@5.3.0", "@geo-maps/countries-land-10km@0.6.0",
            "swagger-ui-dist@5.35.0")
REGION = (20.0, 5.0, 65.0, 45.0)        # west, south, east, north
TOLERANCE = 0.03                        # degrees, Douglas-Peucker
FONT_FILES = [(subset, weight) for subset in ("arabic", "latin") for weight in (400, 700)]


def npm_install() -> Path:
    """Install the pinned packages (no install scripts) under build/npm; return node_modules."""
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    cmd = ["npm", "install", "--prefix", str(NPM_DIR), "--no-audit", "--no-fund", "--ignore-scripts",
           "--no-save", *PACKAGES]
    subprocess.run(cmd, check=True)
    return NPM_DIR / "node_modules"


def copy_leaflet(modules: Path) -> None:
    src, dst = modules / "leaflet" / "dist", VENDOR / "leaflet"
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy2(src / name, dst / name)
    shutil.copytree(src / "images", dst / "images", dirs_exist_ok=True)
    shutil.copy2(modules / "leaflet" / "LICENSE", dst / "LICENSE")


def copy_fonts(modules: Path) -> None:
    src, dst = modules / "@fontsource" / "noto-naskh-arabic", VENDOR / "fonts"
    dst.mkdir(parents=True, exist_ok=True)
    faces = []
    for subset, weight in FONT_FILES:
        name = f"noto-naskh-arabic-{subset}-{weight}-normal.woff2"
        shutil.copy2(src / "files" / name, dst / name)
        faces.append(f"@font-face {{ font-family: 'Noto Naskh Arabic'; font-style: normal; "
                     f"font-display: swap; font-weight: {weight}; src: url('{name}') format('woff2'); }}")
    (dst / "fonts.css").write_text("/* Noto Naskh Arabic (OFL-1.1), from @fontsource */\n"
                                   + "\n".join(faces) + "\n", encoding="utf-8")
    for extra in ("LICENSE",):
        if (src / extra).is_file():
            shutil.copy2(src / extra, dst / extra)


def copy_swagger(modules: Path) -> None:
    src, dst = modules / "swagger-ui-dist", VENDOR / "swagger"
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"):
        shutil.copy2(src / name, dst / name)


# ------------------------------------------------------------------ outlines


def clip_ring(ring: list[list[float]], box: tuple[float, float, float, float]) -> list[list[float]]:
    """Sutherland-Hodgman: ``ring`` clipped to the rectangle ``box`` (west, south, east, north)."""
    west, south, east, north = box
    edges = ((0, west, True), (0, east, False), (1, south, True), (1, north, False))
    points = ring[:-1] if ring and ring[0] == ring[-1] else ring
    for axis, limit, keep_above in edges:
        if not points:
            break
        def inside(p: list[float], a: int = axis, v: float = limit, k: bool = keep_above) -> bool:
            return p[a] >= v if k else p[a] <= v

        out: list[list[float]] = []
        for i, cur in enumerate(points):
            prev = points[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(_cross(prev, cur, axis, limit))
                out.append(cur)
            elif inside(prev):
                out.append(_cross(prev, cur, axis, limit))
        points = out
    return [*points, points[0]] if len(points) >= 3 else []


def _cross(a: list[float], b: list[float], axis: int, value: float) -> list[float]:
    t = (value - a[axis]) / (b[axis] - a[axis])
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker (iterative), keeping the first and last points."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _distance(p: list[float], a: list[float], b: list[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return ((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / (dx * dx + dy * dy) ** 0.5


def cut_outlines(geo: dict, box: tuple[float, float, float, float] = REGION,
                 tolerance: float = TOLERANCE) -> dict:
    """Country polygons clipped to ``box``, simplified, coordinates rounded to 0.01°."""
    features = []
    for feature in geo.get("features", []):
        geom = feature.get("geometry") or {}
        polygons = geom.get("coordinates", [])
        if geom.get("type") == "Polygon":
            polygons = [polygons]
        elif geom.get("type") != "MultiPolygon":
            continue
        kept = []
        for polygon in polygons:
            rings = [simplify(clip_ring(r, box), tolerance) for r in polygon]
            rings = [[[round(x, 2), round(y, 2)] for x, y in r] for r in rings if len(r) >= 4]
            if rings:
                kept.append(rings)
        if kept:
            features.append({"type": "Feature", "properties": {},
                             "geometry": {"type": "MultiPolygon", "coordinates": kept}})
    return {"type": "FeatureCollection", "features": features}


def write_outlines(modules: Path) -> int:
    src = modules / "@geo-maps" / "countries-land-10km" / "map.geo.json"
    data = cut_outlines(json.loads(src.read_text(encoding="utf-8")))
    out = VENDOR / "outlines.geojson"
    out.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    shutil.copy2(src.parent / "LICENSE", VENDOR / "outlines.LICENSE")
    return out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when the assets are present")
    args = parser.parse_args(argv)
    stamp = VENDOR / ".stamp"
    if stamp.is_file() and stamp.read_text() == "\n".join(PACKAGES) and not args.force:
        print(f"vendored assets up to date in {VENDOR.relative_to(ROOT)}")
        return 0
    if shutil.which("npm") is None:
        print("vendor_assets: npm not found; the web UI will run without map, font and API explorer "
              "(the browser tests need them)", file=sys.stderr)
        return 0
    modules = npm_install()
    VENDOR.mkdir(parents=True, exist_ok=True)
    copy_leaflet(modules)
    copy_fonts(modules)
    copy_swagger(modules)
    size = write_outlines(modules)
    stamp.write_text("\n".join(PACKAGES))
    print(f"vendored assets written to {VENDOR.relative_to(ROOT)} (outlines {size / 1024:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
