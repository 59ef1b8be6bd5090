"""Illustrations for the demo content, drawn with Pillow so the demo needs no downloads or stock photos.

Every picture is a soft gradient with blurred shapes and a flat pictogram that hints at the story.
The same motif, palette and seed always give the same picture. The palettes are data: each category in
`demo/content/people.toml` has one (four gradient corners, two accents, paper, ink and a spot colour),
handed in by `demo.loader.DemoContent.palettes` with its name.
"""

import math
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERO_SIZE = (1600, 900)
BODY_SIZE = (1200, 800)
PORTRAIT_SIZE = (600, 600)
SUPERSAMPLE = 2
JPEG_QUALITY = 86


def hex_rgb(value, alpha=None):
    value = value.lstrip("#")
    rgb = tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))
    return rgb if alpha is None else (*rgb, alpha)


def mix(color_a, color_b, amount):
    """A colour between two hex colours; amount 0 is a, 1 is b."""
    a, b = hex_rgb(color_a), hex_rgb(color_b)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


class Pen:
    """Draws in a 100 x 100 unit box placed anywhere on a supersampled RGBA layer."""

    def __init__(self, layer, left, top, size):
        self.layer = layer
        self.draw = ImageDraw.Draw(layer)
        self.left, self.top, self.unit = left, top, size / 100

    def p(self, x, y):
        return (self.left + x * self.unit, self.top + y * self.unit)

    def u(self, length):
        return length * self.unit

    def box(self, x0, y0, x1, y1):
        return [*self.p(x0, y0), *self.p(x1, y1)]

    def circle(self, cx, cy, r, fill=None, outline=None, width=0):
        self.ellipse(cx, cy, r, r, fill, outline, width)

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width=0):
        self.draw.ellipse(
            self.box(cx - rx, cy - ry, cx + rx, cy + ry),
            fill=fill,
            outline=outline,
            width=round(self.u(width)),
        )

    def rect(self, x0, y0, x1, y1, radius=0, fill=None, outline=None, width=0):
        self.draw.rounded_rectangle(
            self.box(x0, y0, x1, y1),
            radius=self.u(radius),
            fill=fill,
            outline=outline,
            width=round(self.u(width)),
        )

    def poly(self, points, fill=None):
        self.draw.polygon([self.p(x, y) for x, y in points], fill=fill)

    def line(self, points, fill, width):
        self.draw.line(
            [self.p(x, y) for x, y in points], fill=fill, width=round(self.u(width)), joint="curve"
        )
        for x, y in (points[0], points[-1]):
            self.circle(x, y, width / 2, fill=fill)

    def arc(self, cx, cy, r, start, end, fill, width):
        self.draw.arc(
            self.box(cx - r, cy - r, cx + r, cy + r), start, end, fill=fill, width=round(self.u(width))
        )

    def rotated_ellipse(self, cx, cy, rx, ry, angle, fill):
        turn = math.radians(angle)
        points = []
        for step in range(64):
            t = 2 * math.pi * step / 64
            x, y = rx * math.cos(t), ry * math.sin(t)
            points.append(
                (cx + x * math.cos(turn) - y * math.sin(turn), cy + x * math.sin(turn) + y * math.cos(turn))
            )
        self.poly(points, fill=fill)

    def heart(self, cx, cy, size, fill):
        points = []
        for step in range(72):
            t = 2 * math.pi * step / 72
            x = 16 * math.sin(t) ** 3
            y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
            points.append((cx + x * size / 32, cy - y * size / 32))
        self.poly(points, fill=fill)

    def star(self, cx, cy, r, fill, spikes=4):
        points = []
        for step in range(spikes * 2):
            radius = r if step % 2 == 0 else r * 0.38
            t = math.pi * step / spikes - math.pi / 2
            points.append((cx + radius * math.cos(t), cy + radius * math.sin(t)))
        self.poly(points, fill=fill)

    def snowflake(self, cx, cy, r, fill, width=1.2):
        for step in range(3):
            t = math.pi * step / 3
            dx, dy = r * math.cos(t), r * math.sin(t)
            self.line([(cx - dx, cy - dy), (cx + dx, cy + dy)], fill, width)

    def crescent(self, cx, cy, r, fill):
        mask = Image.new("L", self.layer.size, 0)
        shape = ImageDraw.Draw(mask)
        shape.ellipse(self.box(cx - r, cy - r, cx + r, cy + r), fill=255)
        shift = r * 0.55
        shape.ellipse(
            self.box(cx - r + shift, cy - r - shift * 0.4, cx + r + shift, cy + r - shift * 0.4), fill=0
        )
        self.layer.paste(Image.new("RGBA", self.layer.size, fill), (0, 0), mask)

    def bubble(self, x0, y0, x1, y1, tail_left, fill):
        self.rect(x0, y0, x1, y1, radius=(y1 - y0) * 0.3, fill=fill)
        if tail_left:
            self.poly([(x0 + 6, y1 - 2), (x0 + 2, y1 + 9), (x0 + 16, y1 - 2)], fill=fill)
        else:
            self.poly([(x1 - 6, y1 - 2), (x1 - 2, y1 + 9), (x1 - 16, y1 - 2)], fill=fill)


# Motifs: each draws a flat pictogram into the unit box. c is the palette.


def draw_donkey(pen, c):
    body, ink, soft = c["paper"], c["ink"], mix(c["paper"], c["spot"], 0.35)
    grey = mix(c["paper"], c["ink"], 0.22)
    pen.rotated_ellipse(33, 26, 9, 24, -22, grey)
    pen.rotated_ellipse(67, 26, 9, 24, 22, grey)
    pen.rotated_ellipse(33, 28, 4.5, 17, -22, soft)
    pen.rotated_ellipse(67, 28, 4.5, 17, 22, soft)
    pen.ellipse(50, 58, 27, 29, fill=grey)
    for x, y in ((43, 28), (50, 26), (57, 28)):
        pen.circle(x, y, 5, fill=ink)
    pen.ellipse(50, 76, 19, 13, fill=body)
    pen.ellipse(43, 76, 2.6, 3.4, fill=ink)
    pen.ellipse(57, 76, 2.6, 3.4, fill=ink)
    for x in (39, 61):
        pen.circle(x, 52, 4, fill=ink)
        pen.circle(x + 1.3, 50.6, 1.3, fill=body)
    pen.arc(50, 80, 7, 30, 150, ink, 1.4)
    pen.heart(76, 82, 12, c["spot"])


def draw_wheelchair(pen, c):
    ink, paper = c["ink"], c["paper"]
    pen.circle(42, 64, 26, outline=paper, width=6)
    pen.circle(42, 64, 4, fill=paper)
    pen.line([(30, 16), (34, 44), (66, 44), (74, 72)], paper, 6)
    pen.line([(34, 44), (38, 64)], paper, 5)
    pen.line([(66, 44), (66, 20)], paper, 5)
    pen.line([(60, 20), (72, 20)], paper, 5)
    pen.line([(74, 72), (80, 86)], paper, 4)
    pen.circle(80, 87, 6, fill=ink)
    pen.circle(80, 87, 2, fill=paper)
    pen.heart(78, 18, 16, c["spot"])


def draw_suitcase(pen, c):
    ink, paper = c["ink"], c["paper"]
    pen.rect(36, 14, 64, 30, radius=6, outline=ink, width=5)
    pen.rect(18, 26, 82, 84, radius=8, fill=paper)
    pen.rect(30, 26, 38, 84, fill=c["spot"])
    pen.rect(62, 26, 70, 84, fill=c["spot"])
    pen.circle(28, 89, 5, fill=ink)
    pen.circle(72, 89, 5, fill=ink)
    pen.line([(82, 40), (92, 52)], ink, 1.5)
    pen.rect(86, 50, 100, 70, radius=2, fill=mix(paper, c["accents"][1], 0.5))
    pen.circle(93, 54, 1.6, fill=ink)


def draw_cake(pen, c):
    ink, paper, spot = c["ink"], c["paper"], c["spot"]
    pen.ellipse(50, 90, 42, 6, fill=mix(paper, ink, 0.15))
    pen.rect(14, 62, 86, 88, radius=5, fill=paper)
    pen.rect(24, 40, 76, 64, radius=5, fill=mix(paper, c["accents"][1], 0.55))
    for x in range(26, 76, 8):
        pen.circle(x + 3, 42, 4, fill=paper)
    for x in range(16, 86, 10):
        pen.circle(x + 4, 64, 5, fill=spot)
    for x in (36, 50, 64):
        pen.rect(x - 2.5, 22, x + 2.5, 40, radius=1, fill=c["accents"][0])
        pen.rotated_ellipse(x, 15, 3, 6, 0, c["accents"][1])
        pen.ellipse(x, 17, 1.6, 3, fill=paper)
    pen.line([(20, 76), (80, 76)], mix(paper, spot, 0.4), 2)


def draw_headset(pen, c):
    ink, paper = c["ink"], c["paper"]
    pen.arc(50, 52, 32, 180, 360, paper, 7)
    pen.rect(12, 44, 28, 72, radius=7, fill=paper)
    pen.rect(72, 44, 88, 72, radius=7, fill=paper)
    pen.rect(16, 48, 24, 68, radius=4, fill=c["spot"])
    pen.rect(76, 48, 84, 68, radius=4, fill=c["spot"])
    pen.line([(20, 72), (24, 84), (44, 88)], paper, 3.5)
    pen.ellipse(48, 88, 6, 4, fill=ink)
    pen.bubble(58, 8, 96, 30, True, c["accents"][0])
    for x in (68, 77, 86):
        pen.circle(x, 19, 2.6, fill=ink)


def draw_bubbles(pen, c):
    ink, paper = c["ink"], c["paper"]
    pen.bubble(6, 14, 66, 50, True, paper)
    for x in (22, 36, 50):
        pen.circle(x, 32, 4, fill=ink)
    pen.bubble(34, 54, 94, 86, False, c["accents"][1])
    pen.heart(64, 71, 18, c["spot"])
    pen.star(86, 14, 6, paper)
    pen.star(14, 84, 4, paper)


def draw_hand(pen, c):
    paper, spot = c["paper"], c["spot"]
    for x, top, tilt in ((34, 14, -6), (46, 8, -2), (58, 10, 2), (70, 18, 6)):
        pen.rotated_ellipse(x, top + 16, 5.6, 18, tilt, paper)
    pen.rect(28, 36, 76, 80, radius=16, fill=paper)
    pen.rotated_ellipse(24, 56, 6, 17, -38, paper)
    pen.heart(52, 60, 14, spot)
    for r in (36, 44):
        pen.arc(52, 52, r, 195, 235, c["accents"][0], 2.4)
        pen.arc(52, 52, r, 305, 345, c["accents"][0], 2.4)


def draw_mast(pen, c):
    paper, ink = c["paper"], c["ink"]
    pen.ellipse(50, 96, 60, 9, fill=paper)
    pen.line([(38, 92), (47, 10)], paper, 3)
    pen.line([(62, 92), (53, 10)], paper, 3)
    for y0 in range(18, 88, 14):
        x_left0 = 47 - (y0 - 10) * 9 / 82
        x_left1 = 47 - (y0 + 14 - 10) * 9 / 82
        pen.line([(x_left0, y0), (100 - x_left1, y0 + 14)], paper, 1.6)
        pen.line([(100 - x_left0, y0), (x_left1, y0 + 14)], paper, 1.6)
    for y, half in ((22, 26), (38, 20)):
        pen.line([(50 - half, y), (50 + half, y)], paper, 3)
        for x in (50 - half + 2, 50 + half - 2):
            pen.rect(x - 1.5, y, x + 1.5, y + 6, radius=1, fill=c["spot"])
    for y, half in ((28, 24), (44, 18)):
        for tip, edge in ((50 - half, 1), (50 + half, 99)):
            sag = [
                (tip + (edge - tip) * t / 12, y + (y - 10) * 0.02 + 8 * math.sin(math.pi * t / 12))
                for t in range(13)
            ]
            pen.draw.line([pen.p(x, yy) for x, yy in sag], fill=ink, width=round(pen.u(0.9)))
    for x, y, r in ((84, 16, 5), (92, 42, 3.5), (10, 60, 4), (80, 70, 3), (20, 10, 3)):
        pen.snowflake(x, y, r, paper)


def draw_tablet(pen, c):
    paper, ink, spot = c["paper"], c["ink"], c["spot"]
    pen.crescent(14, 16, 11, paper)
    pen.star(34, 8, 3.2, paper)
    pen.star(6, 38, 2.4, paper)
    pen.rect(22, 26, 96, 80, radius=6, fill=ink)
    pen.rect(26, 30, 92, 76, radius=3, fill=mix(c["accents"][0], paper, 0.4))
    pen.circle(48, 46, 7, fill=spot)
    pen.rect(38, 55, 58, 76, radius=8, fill=spot)
    pen.circle(76, 60, 7, fill=c["accents"][1])
    pen.ellipse(76, 60, 3.5, 3.5, fill=paper)
    pen.rect(82, 34, 89, 39, radius=2, fill=ink)
    pen.heart(66, 40, 8, spot)


def draw_bus(pen, c):
    paper, ink, spot = c["paper"], c["ink"], c["spot"]
    pen.rect(4, 22, 96, 74, radius=10, fill=paper)
    pen.rect(4, 58, 96, 64, fill=spot)
    for x in (10, 30, 50):
        pen.rect(x, 30, x + 16, 48, radius=3, fill=mix(c["accents"][0], ink, 0.25))
    pen.rect(72, 30, 88, 72, radius=3, fill=mix(c["accents"][0], ink, 0.35))
    pen.circle(26, 76, 9, fill=ink)
    pen.circle(26, 76, 3.5, fill=paper)
    pen.circle(74, 76, 9, fill=ink)
    pen.circle(74, 76, 3.5, fill=paper)
    pen.circle(93, 52, 2.5, fill=c["accents"][1])
    for i, (x, y) in enumerate(((12, 92), (26, 88), (40, 94), (54, 90))):
        size = 1.0 if i % 2 else 0.9
        pen.ellipse(x, y, 3 * size, 2.4 * size, fill=paper)
        for dx, dy in ((-3, -3.6), (-1, -5), (1.4, -5), (3.4, -3.4)):
            pen.circle(x + dx * size, y + dy * size, 1.1 * size, fill=paper)


def draw_envelope(pen, c):
    paper, ink, spot = c["paper"], c["ink"], c["spot"]
    pen.rect(8, 28, 92, 84, radius=4, fill=paper)
    pen.poly([(8, 32), (50, 62), (92, 32), (92, 28), (8, 28)], fill=mix(paper, ink, 0.1))
    pen.line([(10, 31), (50, 60), (90, 31)], mix(paper, ink, 0.35), 1.4)
    pen.line([(10, 82), (40, 58)], mix(paper, ink, 0.2), 1)
    pen.line([(90, 82), (60, 58)], mix(paper, ink, 0.2), 1)
    pen.circle(50, 60, 8, fill=spot)
    pen.heart(50, 60, 8, paper)
    pen.rect(72, 10, 90, 24, radius=1, fill=c["accents"][1])
    pen.line([(14, 16), (22, 12), (30, 16), (38, 12), (46, 16)], paper, 1.6)


def draw_bulb(pen, c):
    paper, ink, glow = c["paper"], c["ink"], c["accents"][1]
    for step in range(9):
        t = math.pi + math.pi * step / 8
        pen.line(
            [(50 + 34 * math.cos(t), 40 + 34 * math.sin(t)), (50 + 44 * math.cos(t), 40 + 44 * math.sin(t))],
            paper,
            3,
        )
    pen.circle(50, 40, 25, fill=glow)
    pen.poly([(36, 56), (64, 56), (60, 72), (40, 72)], fill=glow)
    pen.line([(42, 40), (46, 48), (50, 40), (54, 48), (58, 40)], mix(glow, ink, 0.5), 2)
    for y in (74, 80, 86):
        pen.rect(40, y, 60, y + 4, radius=2, fill=paper if y != 80 else mix(paper, ink, 0.25))
    pen.rect(45, 90, 55, 94, radius=2, fill=ink)


def draw_house(pen, c):
    paper, ink, glow = c["paper"], c["ink"], c["accents"][1]
    pen.poly([(14, 46), (50, 16), (86, 46)], fill=c["spot"])
    pen.rect(20, 44, 80, 90, radius=2, fill=paper)
    pen.rect(30, 54, 46, 68, radius=2, fill=glow)
    pen.rect(58, 62, 72, 90, radius=2, fill=mix(paper, ink, 0.3))
    pen.rect(66, 18, 74, 34, fill=paper)
    pen.poly([(88, 6), (78, 26), (86, 26), (80, 42), (96, 20), (88, 20), (94, 6)], fill=glow)
    for x in (8, 96):
        pen.circle(x, 90, 5, fill=mix(paper, c["accents"][0], 0.5))
    pen.line([(6, 92), (94, 92)], paper, 2)


def draw_globe(pen, c):
    paper, ink = c["paper"], c["ink"]
    line = mix(paper, ink, 0.35)
    pen.circle(42, 54, 34, fill=paper)
    pen.ellipse(42, 54, 14, 34, outline=line, width=1.8)
    pen.line([(8, 54), (76, 54)], line, 1.8)
    pen.line([(13, 38), (71, 38)], line, 1.4)
    pen.line([(13, 70), (71, 70)], line, 1.4)
    pen.line([(42, 20), (42, 88)], line, 1.4)
    pen.bubble(58, 8, 98, 32, True, c["spot"])
    for x in (68, 78, 88):
        pen.circle(x, 20, 2.6, fill=paper)
    pen.bubble(70, 70, 98, 90, False, c["accents"][1])
    pen.heart(84, 80, 9, paper)


def draw_bicycle(pen, c):
    paper, ink, spot = c["paper"], c["ink"], c["spot"]
    for x in (24, 76):
        pen.circle(x, 66, 19, outline=paper, width=4)
        pen.circle(x, 66, 2.5, fill=paper)
    pen.line([(24, 66), (42, 38), (70, 38), (76, 66)], spot, 4)
    pen.line([(42, 38), (50, 66), (70, 38)], spot, 4)
    pen.line([(24, 66), (50, 66)], spot, 4)
    pen.line([(40, 28), (42, 38)], ink, 3.5)
    pen.rect(32, 24, 48, 29, radius=2.5, fill=ink)
    pen.line([(70, 38), (66, 24), (76, 22)], ink, 3.5)
    pen.circle(50, 66, 4.5, fill=ink)
    pen.circle(86, 12, 9, fill=paper)
    pen.rect(84.2, 6, 87.8, 18, fill=spot)
    pen.rect(80, 10.2, 92, 13.8, fill=spot)


def draw_chalkboard(pen, c):
    paper, ink, spot = c["paper"], c["ink"], c["spot"]
    pen.line([(26, 92), (40, 60)], paper, 3)
    pen.line([(74, 92), (60, 60)], paper, 3)
    pen.rect(8, 12, 92, 70, radius=3, fill=mix(paper, c["accents"][1], 0.6))
    pen.rect(12, 16, 88, 66, radius=2, fill=mix(ink, c["corners"][3], 0.3))
    chalk = mix(paper, ink, 0.05)
    for i, y in enumerate((26, 38, 50)):
        pen.line([(20, y), (24, y + 4), (31, y - 4)], spot if i == 1 else chalk, 2)
        pen.line([(38, y), (60 - i * 6, y)], chalk, 1.6)
        pen.line([(70, y), (80, y)], chalk, 1.6)
    pen.rect(62, 66, 74, 70, radius=1, fill=paper)


def draw_ring(pen, c):
    paper, spot = c["paper"], c["spot"]
    pen.circle(50, 62, 26, outline=c["accents"][1], width=6)
    pen.poly([(40, 30), (44, 24), (56, 24), (60, 30), (50, 42)], fill=paper)
    pen.poly([(44, 24), (50, 30), (56, 24)], fill=mix(paper, c["accents"][0], 0.6))
    pen.line([(40, 30), (60, 30)], mix(paper, c["ink"], 0.2), 0.8)
    pen.heart(82, 22, 14, spot)
    pen.heart(16, 34, 9, paper)
    pen.heart(86, 76, 7, paper)
    pen.star(22, 84, 4, paper)


def draw_washer(pen, c):
    paper, ink, spot = c["paper"], c["ink"], c["spot"]
    pen.rect(16, 8, 84, 92, radius=6, fill=paper)
    pen.line([(16, 24), (84, 24)], mix(paper, ink, 0.2), 1)
    pen.rect(22, 13, 44, 19, radius=2, fill=c["accents"][0])
    pen.circle(66, 16, 3.5, fill=spot)
    pen.circle(76, 16, 3.5, fill=mix(paper, ink, 0.35))
    pen.circle(50, 58, 24, fill=mix(paper, ink, 0.3))
    pen.circle(50, 58, 19, fill=c["accents"][0])
    pen.arc(50, 58, 13, 200, 320, paper, 2.5)
    pen.circle(55, 66, 5, outline=c["accents"][1], width=2)
    pen.star(61, 60, 2.5, c["accents"][1])


def draw_boxes(pen, c):
    paper, ink, spot = c["paper"], c["ink"], c["spot"]
    shelf = mix(paper, ink, 0.55)
    pen.line([(4, 4), (4, 96)], shelf, 2.5)
    pen.line([(96, 4), (96, 96)], shelf, 2.5)
    for y in (36, 66, 96):
        pen.line([(4, y), (96, y)], shelf, 2.5)
    tones = (paper, mix(paper, c["accents"][1], 0.5), mix(paper, spot, 0.3))
    for row, (y, widths) in enumerate(
        ((36, (20, 26, 18, 16)), (66, (24, 16, 22, 20)), (96, (18, 22, 26, 14)))
    ):
        x = 8
        for i, width in enumerate(widths):
            height = 20 + (i * 7 + row * 3) % 8
            pen.rect(x, y - 1 - height, x + width, y - 1.5, radius=1.5, fill=tones[(i + row) % 3])
            pen.line([(x + width / 2, y - 1 - height), (x + width / 2, y - 1 - height + 6)], shelf, 1)
            x += width + 3
    pen.circle(66, 50, 15, fill=(255, 255, 255, 90))
    pen.circle(66, 50, 15, outline=ink, width=4)
    pen.line([(77, 61), (90, 76)], ink, 6)


def draw_tools(pen, c):
    paper, ink, spot = c["paper"], c["ink"], c["spot"]
    clear = (0, 0, 0, 0)
    # Screwdriver under the wrench.
    pen.line([(76, 24), (40, 60)], mix(paper, ink, 0.4), 3)
    pen.line([(40, 60), (22, 78)], spot, 9)
    # Wrench: handle, head and the jaw cut out of the head.
    pen.line([(26, 26), (70, 70)], paper, 9)
    pen.circle(22, 22, 14, fill=paper)
    pen.rotated_ellipse(16, 16, 6, 9, 45, clear)
    pen.poly([(8, 16), (16, 8), (20, 12), (12, 20)], fill=clear)
    pen.circle(74, 74, 10, fill=paper)
    pen.circle(74, 74, 4, fill=clear)
    # A spare wheel, the part that mattered.
    pen.circle(80, 24, 13, outline=c["accents"][1], width=5)
    pen.circle(80, 24, 4, fill=ink)


MOTIFS = {
    "donkey": draw_donkey,
    "wheelchair": draw_wheelchair,
    "suitcase": draw_suitcase,
    "cake": draw_cake,
    "headset": draw_headset,
    "bubbles": draw_bubbles,
    "hand": draw_hand,
    "mast": draw_mast,
    "tablet": draw_tablet,
    "bus": draw_bus,
    "envelope": draw_envelope,
    "bulb": draw_bulb,
    "house": draw_house,
    "globe": draw_globe,
    "bicycle": draw_bicycle,
    "chalkboard": draw_chalkboard,
    "ring": draw_ring,
    "washer": draw_washer,
    "boxes": draw_boxes,
    "tools": draw_tools,
}


def gradient(size, corners):
    """A smooth four-corner gradient: a 2 x 2 image scaled up bilinearly."""
    seed = Image.new("RGB", (2, 2))
    seed.putdata([hex_rgb(color) for color in corners])
    return seed.resize(size, Image.Resampling.BILINEAR, box=(0.5, 0.5, 1.5, 1.5)).convert("RGBA")


def soft_shapes(size, palette, rng, count=7):
    """Large blurred blobs, drawn small and scaled up so the blur is cheap."""
    small = (max(1, size[0] // 8), max(1, size[1] // 8))
    layer = Image.new("RGBA", small, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    colors = [*palette["accents"], palette["paper"], palette["corners"][3]]
    for i in range(count):
        r = rng.uniform(0.12, 0.32) * small[1] * 1.6
        x, y = rng.uniform(0, small[0]), rng.uniform(0, small[1])
        draw.ellipse(
            [x - r, y - r, x + r, y + r], fill=hex_rgb(colors[i % len(colors)], rng.randint(50, 110))
        )
    layer = layer.filter(ImageFilter.GaussianBlur(small[1] / 14))
    return layer.resize(size, Image.Resampling.BILINEAR)


def confetti(picture, palette, rng, center, keep_clear):
    """Scattered dots and dashes plus a gentle wave along the bottom, drawn straight onto the picture."""
    width, height = picture.size
    layer = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(18):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        if math.hypot(x - center[0], y - center[1]) < keep_clear:
            continue
        r = rng.uniform(3, 9) * width / HERO_SIZE[0]
        color = hex_rgb(
            rng.choice([palette["paper"], palette["accents"][1], palette["spot"]]), rng.randint(120, 220)
        )
        if rng.random() < 0.5:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=color)
        else:
            draw.rounded_rectangle([x - r * 1.6, y - r / 2, x + r * 1.6, y + r / 2], radius=r / 2, fill=color)
    phase = rng.uniform(0, math.pi * 2)
    wave = [
        (x, height * 0.86 + math.sin(x / width * math.pi * 2.4 + phase) * height * 0.03)
        for x in range(0, width + 8, 8)
    ]
    draw.polygon([*wave, (width, height), (0, height)], fill=hex_rgb(palette["paper"], 55))
    picture.alpha_composite(layer)


def disc(picture, palette, center, radius):
    """A translucent disc with a thin ring around it, drawn supersampled in its own box only."""
    s = SUPERSAMPLE
    ring = radius * 1.22
    half = math.ceil(ring) + 4
    layer = Image.new("RGBA", (2 * half * s, 2 * half * s), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    mid = half * s
    draw.ellipse(
        [mid - radius * s, mid - radius * s, mid + radius * s, mid + radius * s],
        fill=hex_rgb(palette["accents"][0], 150),
    )
    draw.ellipse(
        [mid - ring * s, mid - ring * s, mid + ring * s, mid + ring * s],
        outline=hex_rgb(palette["paper"], 110),
        width=3 * s,
    )
    layer = layer.reduce(s)
    composite_at(picture, layer, round(center[0]) - half, round(center[1]) - half)


def composite_at(picture, layer, left, top):
    """Blends a small layer onto the picture at (left, top); cheaper than blending a full-size canvas."""
    inside = (
        left >= 0
        and top >= 0
        and left + layer.width <= picture.width
        and top + layer.height <= picture.height
    )
    if inside:
        picture.alpha_composite(layer, dest=(left, top))
        return
    canvas = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    canvas.paste(layer, (left, top))
    picture.alpha_composite(canvas)


def with_shadow(layer, ink, offset):
    shadow_mask = layer.getchannel("A").point(lambda a: a * 0.28)
    shadow_mask = shadow_mask.filter(ImageFilter.GaussianBlur(offset * 1.2))
    shadow = Image.new("RGBA", layer.size, hex_rgb(ink, 255))
    shadow.putalpha(shadow_mask)
    result = Image.new("RGBA", layer.size, (0, 0, 0, 0))
    result.alpha_composite(shadow, (offset // 2, offset))
    result.alpha_composite(layer)
    return result


def illustration(motif, palette, size=HERO_SIZE, seed=""):
    """A flat illustration of one motif: returns the Pillow image and the focal box (x, y, w, h) of the motif."""
    rng = random.Random(f"{motif}:{palette['name']}:{seed}")  # noqa: S311 - repeatable pictures, no secrets
    width, height = size
    picture = gradient(size, palette["corners"])
    picture.alpha_composite(soft_shapes(size, palette, rng))

    radius = height * 0.36
    center = (width * rng.uniform(0.56, 0.64), height * 0.48)
    confetti(picture, palette, rng, center, radius * 1.3)
    disc(picture, palette, center, radius)

    # The motif is drawn twice as large on its own layer and scaled down, which smooths its edges.
    box = round(radius * 1.5)
    motif_layer = Image.new("RGBA", (box * SUPERSAMPLE, box * SUPERSAMPLE), (0, 0, 0, 0))
    MOTIFS[motif](Pen(motif_layer, 0, 0, box * SUPERSAMPLE), palette)
    motif_layer = motif_layer.reduce(SUPERSAMPLE)
    margin = box // 6
    padded = Image.new("RGBA", (box + 2 * margin, box + 2 * margin), (0, 0, 0, 0))
    padded.alpha_composite(motif_layer, (margin, margin))
    padded = with_shadow(padded, palette["ink"], max(6, box // 40))
    composite_at(picture, padded, round(center[0] - box / 2 - margin), round(center[1] - box / 2 - margin))
    focal = (round(center[0] - radius), round(center[1] - radius), round(2 * radius), round(2 * radius))
    return picture.convert("RGB"), focal


def portrait(initials, palette, seed=""):
    """A square portrait illustration: gradient, soft shapes, a disc and the person's initials."""
    rng = random.Random(f"portrait:{initials}:{palette['name']}:{seed}")  # noqa: S311 - repeatable pictures
    size = PORTRAIT_SIZE
    picture = gradient(size, palette["corners"])
    picture.alpha_composite(soft_shapes(size, palette, rng, count=5))
    s = SUPERSAMPLE
    layer = Image.new("RGBA", (size[0] * s, size[1] * s), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    cx, cy, r = size[0] / 2, size[1] / 2, size[0] * 0.34
    draw.ellipse(
        [(cx - r * 1.18) * s, (cy - r * 1.18) * s, (cx + r * 1.18) * s, (cy + r * 1.18) * s],
        outline=hex_rgb(palette["paper"], 120),
        width=4 * s,
    )
    draw.ellipse(
        [(cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s], fill=hex_rgb(palette["paper"], 235)
    )
    font = ImageFont.load_default(size=round(r * 0.95 * s))
    draw.text(
        (cx * s, cy * s),
        initials,
        font=font,
        anchor="mm",
        fill=hex_rgb(palette["ink"]),
        stroke_width=round(r * 0.035 * s),
        stroke_fill=hex_rgb(palette["ink"]),
    )
    for _ in range(5):
        angle = rng.uniform(0, 2 * math.pi)
        dist = r * rng.uniform(1.3, 1.45)
        x, y, dot = cx + dist * math.cos(angle), cy + dist * math.sin(angle), rng.uniform(6, 12)
        draw.ellipse(
            [(x - dot) * s, (y - dot) * s, (x + dot) * s, (y + dot) * s], fill=hex_rgb(palette["spot"], 200)
        )
    picture.alpha_composite(layer.reduce(SUPERSAMPLE))
    return picture.convert("RGB")


def to_jpeg(picture):
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()
