#!/usr/bin/env python3
"""Draw the hand-made placement annotations on the test photos (a developer aid, not a test).

    python3 tests/placement/draw_annotations.py                  # contact sheet of all photos
    python3 tests/placement/draw_annotations.py -o /tmp/sheet.png --tile 600
    python3 tests/placement/draw_annotations.py --crop --only satcher -o /tmp/satcher.png
    python3 tests/placement/draw_annotations.py --each /tmp/overlays   # one full-size PNG per photo

Photos come from $SMP_FIXTURES_DIR, else ../shared/fixtures/photos next to the repository
(the same default as CMakeLists.txt). Needs Python 3 with Pillow.

Drawn: the head outline (thin cyan line), the scalp polygon (green, lightly filled), the three
handles (red crosses, labelled L M R) joined by a dashed orange arc (a parabola in the head frame
through the handles: only a guide, not the engine's hairline template), the landmarks (cyan dots,
labelled), and a 10 mm scale bar taken from the pupils at 63 mm.
"""
import argparse
import json
import math
import os
import sys

from PIL import Image, ImageDraw, ImageFont, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
ANNOTATIONS = os.path.join(HERE, "annotations.json")
DEFAULT_PHOTOS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "fixtures", "photos"))
IPD_MM = 63.0


def font(size):
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                 "/usr/share/fonts/TTF/DejaVuSans.ttf",
                 "/Library/Fonts/Arial.ttf"):
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def head_axes(landmarks):
    (lx, ly), (rx, ry) = landmarks["leftPupil"], landmarks["rightPupil"]
    dx, dy = rx - lx, ry - ly
    n = math.hypot(dx, dy)
    x_axis = (dx / n, dy / n)
    up_axis = (x_axis[1], -x_axis[0])
    return x_axis, up_axis, n / IPD_MM


def guide_arc(handles, steps=40):
    """Parabola through the three handles in the frame spanned by the temple corners."""
    (ax, ay), (mx, my), (bx, by) = handles["leftTemple"], handles["midFront"], handles["rightTemple"]
    dx, dy = bx - ax, by - ay
    n = math.hypot(dx, dy)
    ux, uy = dx / n, dy / n
    vx, vy = uy, -ux

    def to_frame(px, py):
        return ((px - ax) * ux + (py - ay) * uy, (px - ax) * vx + (py - ay) * vy)

    pts = [to_frame(ax, ay), to_frame(mx, my), to_frame(bx, by)]
    (x0, y0), (x1, y1), (x2, y2) = pts
    # Lagrange interpolation through the three frame points.
    def height(t):
        return (y0 * (t - x1) * (t - x2) / ((x0 - x1) * (x0 - x2)) +
                y1 * (t - x0) * (t - x2) / ((x1 - x0) * (x1 - x2)) +
                y2 * (t - x0) * (t - x1) / ((x2 - x0) * (x2 - x1)))
    out = []
    for i in range(steps + 1):
        t = x0 + (x2 - x0) * i / steps
        h = height(t)
        out.append((ax + t * ux + h * vx, ay + t * uy + h * vy))
    return out


def draw_one(image, entry, scale=1.0):
    """Draws entry onto image (already resized by `scale` from full size). Returns the image."""
    image = image.convert("RGBA")
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(overlay)
    # Marker sizes in output pixels, whatever the zoom.
    w = 2
    fs = 14
    f = font(fs)
    S = lambda p: (p[0] * scale, p[1] * scale)

    outline = entry.get("headOutline") or []
    if len(outline) >= 3:
        pts = [S(p) for p in outline]
        d.line(pts + [pts[0]], fill=(0, 255, 255, 255), width=1)

    poly = entry.get("scalpPolygon") or []
    if len(poly) >= 3:
        pts = [S(p) for p in poly]
        d.polygon(pts, fill=(0, 255, 0, 50))
        d.line(pts + [pts[0]], fill=(0, 230, 0, 255), width=w)

    handles = entry["handles"]
    arc = [S(p) for p in guide_arc(handles)]
    for i in range(0, len(arc) - 1, 2):
        d.line([arc[i], arc[i + 1]], fill=(255, 150, 0, 255), width=w)
    r = 9
    for key, label in (("leftTemple", "L"), ("midFront", "M"), ("rightTemple", "R")):
        x, y = S(handles[key])
        d.line([(x - r, y), (x + r, y)], fill=(255, 0, 0, 255), width=w + 1)
        d.line([(x, y - r), (x, y + r)], fill=(255, 0, 0, 255), width=w + 1)
        d.text((x + r * 0.6, y - r - fs), label, fill=(255, 40, 40, 255), font=f)

    short = {"glabella": "G", "leftPupil": "lp", "rightPupil": "rp",
             "leftOuterEyeCorner": "lc", "rightOuterEyeCorner": "rc"}
    rr = 4
    for key, (x, y) in entry["landmarks"].items():
        x, y = S((x, y))
        d.ellipse([x - rr, y - rr, x + rr, y + rr], outline=(0, 255, 255, 255), width=1)
        d.text((x + rr + 1, y + rr), short.get(key, key), fill=(0, 255, 255, 255), font=f)

    # 10 mm scale bar under the glabella, along the eye line.
    x_axis, _, px_per_mm = head_axes(entry["landmarks"])
    gx, gy = entry["landmarks"]["glabella"]
    bar = 10 * px_per_mm
    a = S((gx - bar / 2 * x_axis[0], gy - bar / 2 * x_axis[1] - 4 * px_per_mm))
    b = S((gx + bar / 2 * x_axis[0], gy + bar / 2 * x_axis[1] - 4 * px_per_mm))
    d.line([a, b], fill=(255, 255, 0, 255), width=w + 1)

    return Image.alpha_composite(image, overlay).convert("RGB")


def load_photo(photos_dir, name):
    with Image.open(os.path.join(photos_dir, name)) as im:
        return ImageOps.exif_transpose(im).convert("RGB")


def head_box(entry, width, height, margin_mm=70):
    pts = [p for p in entry["landmarks"].values()] + list(entry["handles"].values()) + list(entry.get("scalpPolygon") or [])
    _, _, px_per_mm = head_axes(entry["landmarks"])
    m = margin_mm * px_per_mm * 0.5
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (max(0, int(min(xs) - m)), max(0, int(min(ys) - m)),
            min(width, int(max(xs) + m)), min(height, int(max(ys) + m)))


def render(entry, name, photos_dir, tile, crop):
    photo = load_photo(photos_dir, name)
    w, h = entry["size"]
    if photo.size != (w, h):
        sys.exit(f"{name}: upright size {photo.size} differs from annotated {w}x{h}")
    box = head_box(entry, w, h) if crop else (0, 0, w, h)
    scale = tile / max(box[2] - box[0], box[3] - box[1]) if tile else 1.0
    shifted = dict(entry)
    sx, sy = box[0], box[1]
    shift = lambda p: [p[0] - sx, p[1] - sy]
    shifted["handles"] = {k: shift(v) for k, v in entry["handles"].items()}
    shifted["landmarks"] = {k: shift(v) for k, v in entry["landmarks"].items()}
    shifted["scalpPolygon"] = [shift(p) for p in entry.get("scalpPolygon") or []]
    shifted["headOutline"] = [shift(p) for p in entry.get("headOutline") or []]
    region = photo.crop(box)
    region = region.resize((max(1, round(region.width * scale)), max(1, round(region.height * scale))), Image.LANCZOS)
    return draw_one(region, shifted, scale)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--out", default="/tmp/annotations_sheet.png", help="contact sheet path")
    ap.add_argument("--photos", default=os.environ.get("SMP_FIXTURES_DIR", DEFAULT_PHOTOS))
    ap.add_argument("--annotations", default=ANNOTATIONS)
    ap.add_argument("--tile", type=int, default=520, help="tile size of the contact sheet, px")
    ap.add_argument("--crop", action="store_true", help="zoom on the head instead of the whole photo")
    ap.add_argument("--only", help="substring of the photo names to draw")
    ap.add_argument("--each", metavar="DIR", help="also write one full-size overlay per photo into DIR")
    args = ap.parse_args()

    with open(args.annotations) as f:
        data = json.load(f)
    names = [n for n in data["photos"] if not args.only or args.only in n]
    if not names:
        sys.exit("no photo matches")

    tiles = []
    for name in names:
        entry = data["photos"][name]
        tile = render(entry, name, args.photos, args.tile, args.crop)
        label = Image.new("RGB", (tile.width, 24), (30, 30, 30))
        ImageDraw.Draw(label).text((4, 4), name, fill=(255, 255, 255), font=font(14))
        framed = Image.new("RGB", (tile.width, tile.height + 24), (30, 30, 30))
        framed.paste(label, (0, 0))
        framed.paste(tile, (0, 24))
        tiles.append(framed)
        if args.each:
            os.makedirs(args.each, exist_ok=True)
            full = render(entry, name, args.photos, 0, False)
            full.save(os.path.join(args.each, os.path.splitext(name)[0] + "_annotated.png"))

    cols = min(3, len(tiles))
    rows = math.ceil(len(tiles) / cols)
    cw = max(t.width for t in tiles)
    ch = max(t.height for t in tiles)
    sheet = Image.new("RGB", (cols * cw + (cols + 1) * 6, rows * ch + (rows + 1) * 6), (12, 12, 12))
    for i, t in enumerate(tiles):
        sheet.paste(t, (6 + (i % cols) * (cw + 6), 6 + (i // cols) * (ch + 6)))
    sheet.save(args.out)
    print(f"wrote {args.out} ({sheet.width}x{sheet.height}, {len(tiles)} photos)")


if __name__ == "__main__":
    main()
