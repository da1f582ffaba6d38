"""
The demo's picture painter: an illustration for each photo of the demo newsroom,
drawn with Pillow, so that the demo needs no download.

Each photo is drawn from a "scene" hint such as "mountains dawn": a motif (what is
in the picture, one `paint_<motif>` function below) and a light (the sky's
palette, LIGHTS). The random generator is seeded from the headline and the
photo's place in the gallery, so the same story always gets the same pictures.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageOps

PHOTO_SIZE = (1600, 1067)
W, H = PHOTO_SIZE
JPEG_QUALITY = 82

# sky top, sky at the horizon, sun or moon, and how the light tints the ground.
LIGHTS = {
    "dawn": ((66, 82, 146), (247, 186, 146), (255, 232, 190), (1.0, 0.9, 0.86)),
    "day": ((64, 128, 204), (196, 224, 242), (255, 250, 230), (1.0, 1.0, 1.0)),
    "dusk": ((38, 40, 96), (238, 132, 92), (255, 196, 128), (0.82, 0.7, 0.74)),
    "overcast": ((118, 128, 142), (202, 206, 210), None, (0.84, 0.87, 0.9)),
    "night": ((8, 14, 38), (44, 54, 96), (236, 236, 222), (0.34, 0.38, 0.52)),
}


def mix(a, b, t):
    """The colour a fraction `t` of the way from `a` to `b`."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


class Scene:
    """A canvas and the few brushes every motif shares."""

    def __init__(self, rng: random.Random, light: str):
        self.rng = rng
        self.light = light
        self.top, self.horizon_color, self.sun_color, self.tint = LIGHTS[light]
        self.img = Image.new("RGB", PHOTO_SIZE)
        self.draw = ImageDraw.Draw(self.img)

    @property
    def dark(self) -> bool:
        return self.light in {"night", "dusk"}

    def lit(self, color, haze=0.0):
        """A ground colour under this light, faded towards the horizon by `haze`."""
        tinted = tuple(
            min(255, round(c * k)) for c, k in zip(color, self.tint, strict=True)
        )
        return mix(tinted, self.horizon_color, haze)

    def sky(self, horizon: int = H):
        gradient = Image.linear_gradient("L").resize((W, horizon))
        self.img.paste(ImageOps.colorize(gradient, self.top, self.horizon_color))
        if self.light == "night":
            for _ in range(160):
                x, y = self.rng.randrange(W), self.rng.randrange(int(horizon * 0.8))
                r = self.rng.choice((1, 1, 2, 3))
                self.draw.ellipse((x, y, x + r, y + r), fill=(230, 232, 240))

    def glow(self, x: int, y: int, radius: int, color, strength: float = 0.75):
        """A soft round light: a radial gradient used as a paste mask."""
        size = radius * 2
        mask = ImageOps.invert(Image.radial_gradient("L").resize((size, size)))
        mask = mask.point(lambda v: round(max(0, v - 128) * 2 * strength))
        self.img.paste(color, (x - radius, y - radius), mask)

    def sun(self, horizon: int):
        if self.sun_color is None:
            return
        rng = self.rng
        if self.light in {"dawn", "dusk"}:
            x, y, r = rng.randrange(200, W - 200), horizon - rng.randrange(40, 160), 70
        else:
            x, y, r = rng.randrange(150, W - 150), rng.randrange(90, 260), 48
        self.glow(x, y, r * 6, self.sun_color, 0.55)
        self.draw.ellipse((x - r, y - r, x + r, y + r), fill=self.sun_color)

    def clouds(self, count: int, band: tuple[int, int]):
        # Drawn small and scaled up, so the edges come out soft for free.
        mask = Image.new("L", (W // 8, H // 8))
        pen = ImageDraw.Draw(mask)
        for _ in range(count):
            cx, cy = self.rng.randrange(W // 8), self.rng.randrange(*band) // 8
            for _ in range(5):
                dx, dy = self.rng.randrange(-14, 14), self.rng.randrange(-3, 3)
                rx, ry = self.rng.randrange(6, 14), self.rng.randrange(3, 6)
                pen.ellipse(
                    (cx + dx - rx, cy + dy - ry, cx + dx + rx, cy + dy + ry), 150
                )
        color = mix(self.horizon_color, (255, 255, 255), 0.5)
        if self.dark:
            color = mix(self.top, self.horizon_color, 0.6)
        self.img.paste(color, (0, 0), mask.resize(PHOTO_SIZE, Image.BILINEAR))

    def ridge(self, base: int, amplitude: int, color, waves: int = 3, bottom: int = H):
        """Rolling hills: a sum of sine waves with random phases, filled downwards."""
        rng = self.rng
        terms = [
            (rng.uniform(0.5, 3.5) * (i + 1), rng.uniform(0, math.tau), 1 / (i + 1))
            for i in range(waves)
        ]
        points = []
        for x in range(0, W + 40, 40):
            t = x / W * math.tau
            y = sum(a * math.sin(f * t + p) for f, p, a in terms) / 1.8
            points.append((x, base - amplitude * y))
        self.draw.polygon([*points, (W, bottom), (0, bottom)], fill=color)
        return points

    def peaks(self, base: int, height: int, color, snow=None, roughness=0.55):
        """A jagged mountain range by midpoint displacement, with optional snow caps."""
        rng = self.rng
        heights = [rng.uniform(0.25, 1.0) for _ in range(5)]
        spread = 0.7
        for _ in range(5):
            refined = []
            for a, b in zip(heights, heights[1:], strict=False):
                refined += [a, (a + b) / 2 + rng.uniform(-spread, spread) * 0.5]
            heights = [*refined, heights[-1]]
            spread *= roughness
        step = W / (len(heights) - 1)
        points = [
            (i * step, base - height * max(0.0, h)) for i, h in enumerate(heights)
        ]
        self.draw.polygon([*points, (W, H), (0, H)], fill=color)
        if snow:
            line = base - height * 0.55
            lower = [(x, max(y, line + rng.uniform(-18, 18))) for x, y in points]
            self.draw.polygon([*points, *reversed(lower)], fill=snow)

    def tree(self, x: int, ground: int, size: int, color):
        trunk = mix(color, (60, 40, 30), 0.6)
        self.draw.rectangle(
            (x - size // 10, ground - size, x + size // 10, ground), trunk
        )
        for dx, dy, r in ((0, -1.1, 0.5), (-0.3, -0.85, 0.38), (0.3, -0.8, 0.38)):
            cx, cy, rr = x + dx * size, ground + dy * size, r * size
            self.draw.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), fill=color)

    def pine(self, x: int, ground: int, size: int, color, snow=None):
        for i in range(3):
            w, top = size * (0.45 - i * 0.1), ground - size * (0.45 + i * 0.3)
            base = ground - size * i * 0.28
            self.draw.polygon([(x - w, base), (x + w, base), (x, top)], fill=color)
            if snow:
                self.draw.polygon(
                    [
                        (x - w * 0.35, top + (base - top) * 0.35),
                        (x + w * 0.3, top + 20),
                        (x, top),
                    ],
                    fill=snow,
                )

    def windows(self, box, color, lit=None, size=(10, 14), gap=(12, 16)):
        x0, y0, x1, y1 = box
        for y in range(int(y0) + gap[1], int(y1) - size[1], size[1] + gap[1]):
            for x in range(int(x0) + gap[0], int(x1) - size[0], size[0] + gap[0]):
                fill = lit if lit and self.rng.random() < 0.45 else color
                self.draw.rectangle((x, y, x + size[0], y + size[1]), fill=fill)

    def flag(self, x: int, ground: int, height: int, color):
        self.draw.rectangle((x, ground - height, x + 5, ground), fill=(200, 200, 205))
        wave = self.rng.randrange(-6, 6)
        self.draw.polygon(
            [
                (x + 5, ground - height),
                (x + 95, ground - height + wave),
                (x + 95, ground - height + 58 + wave),
                (x + 5, ground - height + 58),
            ],
            fill=color,
        )

    def vignette(self):
        mask = Image.radial_gradient("L").resize(PHOTO_SIZE, Image.BILINEAR)
        mask = mask.point(lambda v: round(max(0, v - 150) * 0.9))
        self.img.paste((12, 12, 20), (0, 0), mask)


GRASS, STEPPE, SAND, SOIL = (
    (96, 138, 70),
    (170, 160, 92),
    (214, 182, 122),
    (120, 96, 70),
)
ROCK, SNOW, WATER = (104, 104, 122), (236, 240, 248), (70, 120, 160)
CONCRETE, GLASS, BRICK = (186, 182, 174), (96, 136, 170), (168, 98, 72)
BRIGHT = [(206, 64, 54), (40, 110, 180), (34, 150, 120), (232, 160, 40), (140, 70, 150)]


def landscape(s: Scene, horizon: int, far, near, amplitude: int = 40):
    """Sky, sun, and two or three layers of hills that fade into the distance."""
    s.sky(horizon + amplitude * 2)
    s.sun(horizon)
    if s.rng.random() < 0.7:
        s.clouds(s.rng.randrange(3, 9), (20, max(40, horizon - 120)))
    s.ridge(horizon - amplitude // 2, amplitude, s.lit(far, 0.55))
    s.ridge(horizon + amplitude // 2, amplitude, s.lit(mix(far, near, 0.5), 0.25))
    return s.ridge(horizon + amplitude * 2, amplitude // 2, s.lit(near))


def yurt(s: Scene, x: int, ground: int, size: int):
    felt = s.lit((236, 228, 210))
    s.draw.rectangle((x - size, ground - size * 0.6, x + size, ground), fill=felt)
    s.draw.pieslice(
        (x - size, ground - size * 1.25, x + size, ground - size * 0.05), 180, 360, felt
    )
    band = s.lit((168, 52, 48))
    s.draw.rectangle(
        (x - size, ground - size * 0.55, x + size, ground - size * 0.45), band
    )
    door = (x - size * 0.22, ground - size * 0.5, x + size * 0.22, ground)
    s.draw.rectangle(door, fill=s.lit((140, 70, 40)))


def paint_steppe(s: Scene):
    horizon = s.rng.randrange(560, 680)
    landscape(s, horizon, (140, 150, 120), STEPPE, amplitude=26)
    if s.rng.random() < 0.6:
        for i in range(s.rng.randrange(1, 4)):
            yurt(s, 300 + i * 260 + s.rng.randrange(80), horizon + 120 + i * 12, 70)
    for _ in range(60):  # tufts of feather grass in the foreground
        x, y = s.rng.randrange(W), s.rng.randrange(horizon + 180, H)
        s.draw.line(
            (x, y, x + s.rng.randrange(-10, 10), y - 24), s.lit((200, 190, 130)), 3
        )


def paint_mountains(s: Scene):
    horizon = s.rng.randrange(560, 700)
    s.sky(horizon)
    s.sun(horizon - 200)
    s.clouds(s.rng.randrange(2, 6), (40, 300))
    snow = s.lit(SNOW, 0.2)
    s.peaks(horizon - 40, 420, s.lit(ROCK, 0.45), snow=snow)
    s.peaks(horizon + 40, 260, s.lit(mix(ROCK, GRASS, 0.4), 0.2), roughness=0.5)
    s.ridge(horizon + 200, 40, s.lit(GRASS))
    for _ in range(s.rng.randrange(4, 12)):
        x = s.rng.randrange(W)
        s.pine(
            x,
            horizon + 250 + s.rng.randrange(150),
            s.rng.randrange(90, 160),
            s.lit((40, 80, 56)),
        )


def paint_lake(s: Scene):
    shore = s.rng.randrange(560, 650)
    s.sky(shore)
    s.sun(shore - 220)
    s.clouds(s.rng.randrange(2, 6), (40, 300))
    s.peaks(shore, 380, s.lit(ROCK, 0.45), snow=s.lit(SNOW, 0.2))
    s.ridge(shore, 14, s.lit(GRASS, 0.2), bottom=shore + 20)
    # The water mirrors what stands above it, darkened towards the viewer.
    reflection = s.img.crop((0, shore - (H - shore), W, shore)).transpose(
        Image.FLIP_TOP_BOTTOM
    )
    water = Image.new("RGB", reflection.size, s.lit(WATER))
    depth = (
        Image.linear_gradient("L").resize(reflection.size).point(lambda v: 90 + v // 2)
    )
    s.img.paste(Image.composite(water, reflection, depth), (0, shore))
    for _ in range(90):
        x, y = s.rng.randrange(W), s.rng.randrange(shore + 10, H)
        s.draw.line(
            (x, y, x + s.rng.randrange(30, 160), y), s.lit((200, 220, 235), 0.3), 2
        )


def paint_river(s: Scene):
    horizon = s.rng.randrange(520, 620)
    landscape(s, horizon, (130, 150, 120), GRASS, amplitude=22)
    left, right, bend = [], [], s.rng.uniform(1.5, 3)
    for i in range(0, 21):
        t = i / 20
        y = horizon + 50 + t * (H - horizon - 50)
        centre = W / 2 + math.sin(t * bend * math.pi) * 320 * (1 - t * 0.3)
        half = 12 + t * t * 520
        left.append((centre - half, y))
        right.append((centre + half, y))
    s.draw.polygon([*left, *reversed(right)], fill=s.lit(WATER, 0.15))
    for x, y in left[4:] + right[4:]:
        s.draw.line((x, y, x + s.rng.randrange(-6, 6), y - 30), s.lit((90, 110, 60)), 4)


def building(s: Scene, box, color, lit=None):
    x0, y0, x1, y1 = box
    s.draw.rectangle(box, fill=color)
    s.draw.rectangle(
        (x1 - (x1 - x0) * 0.18, y0, x1, y1), fill=mix(color, (0, 0, 0), 0.18)
    )
    s.windows(box, mix(color, s.horizon_color, 0.5), lit)


def paint_city(s: Scene):
    ground = s.rng.randrange(760, 880)
    s.sky(ground)
    s.sun(ground - 300)
    if not s.dark:
        s.clouds(s.rng.randrange(2, 7), (40, 300))
    s.peaks(ground - 180, 260, s.lit(ROCK, 0.6), snow=s.lit(SNOW, 0.4))
    lit = (252, 214, 120) if s.dark else None
    for layer, haze in ((0, 0.45), (1, 0.0)):
        x = s.rng.randrange(-60, 0)
        while x < W:
            width = s.rng.randrange(70, 170)
            height = s.rng.randrange(120, 300) + (1 - layer) * 140
            tone = s.rng.choice((CONCRETE, GLASS, BRICK, (210, 206, 196)))
            building(s, (x, ground - height, x + width, ground), s.lit(tone, haze), lit)
            x += width + s.rng.randrange(8, 40)
    if s.rng.random() < 0.5:  # a tower with a golden ball on top
        x = s.rng.randrange(300, W - 300)
        s.draw.polygon(
            [
                (x - 40, ground),
                (x + 40, ground),
                (x + 8, ground - 420),
                (x - 8, ground - 420),
            ],
            fill=s.lit((230, 230, 226)),
        )
        s.draw.ellipse(
            (x - 46, ground - 500, x + 46, ground - 408), fill=(222, 172, 60)
        )
    s.draw.rectangle((0, ground, W, H), fill=s.lit((92, 92, 100)))
    for x in range(0, W, 160):
        s.draw.rectangle((x, ground + 90, x + 80, ground + 100), fill=(230, 230, 220))


def paint_government(s: Scene):
    ground = s.rng.randrange(800, 880)
    s.sky(ground)
    s.sun(ground - 300)
    s.clouds(s.rng.randrange(2, 6), (40, 280))
    stone = s.lit(s.rng.choice(((226, 220, 206), (214, 206, 188), (232, 232, 228))))
    shade = mix(stone, (0, 0, 0), 0.25)
    cx, half = W // 2 + s.rng.randrange(-120, 120), s.rng.randrange(420, 560)
    s.draw.rectangle((cx - half - 200, ground - 300, cx + half + 200, ground), stone)
    s.windows(
        (cx - half - 200, ground - 300, cx - half, ground - 20), shade, size=(22, 40)
    )
    s.windows(
        (cx + half, ground - 300, cx + half + 200, ground - 20), shade, size=(22, 40)
    )
    top = ground - 420
    s.draw.rectangle((cx - half, top, cx + half, ground), fill=stone)
    if s.rng.random() < 0.6:  # a dome above the portico
        s.draw.rectangle((cx - 110, top - 90, cx + 110, top), fill=stone)
        s.draw.pieslice(
            (cx - 130, top - 230, cx + 130, top + 30),
            180,
            360,
            fill=s.lit(s.rng.choice(((70, 150, 160), (200, 170, 90)))),
        )
    s.draw.polygon(
        [(cx - half - 20, top), (cx + half + 20, top), (cx, top - 110)], stone
    )
    s.draw.line(
        [(cx - half - 20, top), (cx, top - 110), (cx + half + 20, top)], shade, 6
    )
    s.draw.rectangle((cx - half, top, cx + half, top + 40), fill=shade)
    columns = 8
    for i in range(columns):
        x = cx - half + 30 + i * (2 * half - 60) / (columns - 1)
        s.draw.rectangle(
            (x - 18, top + 40, x + 18, ground - 40), fill=mix(stone, (255,) * 3, 0.2)
        )
        s.draw.rectangle((x + 6, top + 40, x + 18, ground - 40), fill=shade)
    for step in range(4):
        y = ground - 40 + step * 10
        s.draw.rectangle(
            (cx - half - 20 - step * 14, y, cx + half + 20 + step * 14, y + 10),
            fill=mix(stone, shade, step / 4),
        )
    s.draw.rectangle((0, ground, W, H), fill=s.lit((150, 146, 140)))
    for i in range(s.rng.randrange(2, 5)):
        s.flag(cx - half - 320 - i * 130, ground + 60, 360, s.lit(s.rng.choice(BRIGHT)))
    for x in (80, W - 80):
        s.tree(x, H - 20, 260, s.lit((50, 100, 60)))


def paint_hall(s: Scene):
    """A meeting room: a long table, chairs, small flags and tall windows."""
    wall = s.lit(s.rng.choice(((226, 214, 190), (210, 214, 220), (200, 188, 168))))
    floor_y = 560
    s.img.paste(
        ImageOps.colorize(
            Image.linear_gradient("L").resize((W, floor_y)),
            mix(wall, (0, 0, 0), 0.2),
            wall,
        ),
        (0, 0),
    )
    s.draw.rectangle((0, floor_y, W, H), fill=s.lit((120, 84, 60)))
    for x in range(120, W - 100, 300):
        s.draw.rectangle((x, 80, x + 170, 470), fill=mix(wall, (0, 0, 0), 0.3))
        s.draw.rectangle((x + 10, 90, x + 160, 460), fill=(214, 230, 240))
        s.glow(x + 85, 300, 240, (255, 250, 235), 0.35)
    table, chair = s.lit((92, 60, 40)), s.lit((40, 40, 48))
    vx = W // 2 + s.rng.randrange(-100, 100)
    for side in (-1, 1):
        for i in range(7):
            t = i / 6
            y = 620 + t * 380
            x = vx + side * (180 + t * 520)
            w, h = 40 + t * 50, 80 + t * 110
            s.draw.rectangle((x - w / 2, y - h, x + w / 2, y), fill=chair)
    s.draw.polygon(
        [(vx - 120, 600), (vx + 120, 600), (vx + 560, H), (vx - 560, H)], table
    )
    s.draw.polygon(
        [(vx - 60, 600), (vx + 60, 600), (vx + 280, H), (vx - 280, H)],
        fill=mix(table, (255, 255, 255), 0.12),
    )
    for i in range(5):
        t = i / 4
        y, x = 640 + t * 300, vx + (t * 300 + 80) * (-1 if i % 2 else 1)
        s.draw.line((x, y, x, y - 60 - t * 40), (200, 200, 200), 3)
        flag = s.rng.choice(BRIGHT)
        s.draw.rectangle((x, y - 60 - t * 40, x + 30 + t * 20, y - 40 - t * 30), flag)


def paint_field(s: Scene):
    horizon = s.rng.randrange(480, 600)
    s.sky(horizon + 20)
    s.sun(horizon)
    s.clouds(s.rng.randrange(3, 8), (30, horizon - 100))
    s.ridge(horizon, 12, s.lit((150, 150, 120), 0.5))
    crop = s.rng.choice(
        ((222, 180, 80), (200, 170, 70), (120, 160, 70), (236, 236, 230))
    )
    vx = s.rng.randrange(200, W - 200)
    edges = list(range(-2400, W + 2400, 160))
    for i, (a, b) in enumerate(zip(edges, edges[1:], strict=False)):
        color = s.lit(mix(crop, (0, 0, 0), 0.12 if i % 2 else 0.0))
        s.draw.polygon([(vx, horizon), (a, H), (b, H)], fill=color)
    if s.rng.random() < 0.7:  # a grain elevator on the horizon
        x = s.rng.randrange(100, W - 500)
        for i in range(4):
            s.draw.rectangle(
                (x + i * 70, horizon - 190, x + i * 70 + 60, horizon + 10),
                fill=s.lit(CONCRETE, 0.3),
            )
            s.draw.ellipse(
                (x + i * 70, horizon - 200, x + i * 70 + 60, horizon - 180),
                fill=s.lit((210, 208, 200), 0.3),
            )
        s.draw.rectangle(
            (x + 280, horizon - 280, x + 340, horizon + 10),
            fill=s.lit((200, 196, 188), 0.3),
        )


def paint_orchard(s: Scene):
    horizon = s.rng.randrange(460, 560)
    landscape(s, horizon, (120, 140, 120), GRASS, amplitude=30)
    leaves, fruit = s.lit((60, 118, 60)), s.rng.choice(((240, 150, 40), (150, 60, 120)))
    vx = W // 2 + s.rng.randrange(-200, 200)
    for row in range(7):
        t = (row + 1) / 7
        y = horizon + 60 + t * t * (H - horizon)
        size = 40 + t * 260
        for side in (-1, 1):
            for k in range(1, 4):
                x = vx + side * k * (120 + t * 520) * 0.7
                s.tree(x, y, size, leaves)
                for _ in range(6):
                    fx = x + s.rng.uniform(-0.5, 0.5) * size
                    fy = y - size * s.rng.uniform(0.8, 1.4)
                    r = 3 + t * 9
                    s.draw.ellipse((fx - r, fy - r, fx + r, fy + r), fill=s.lit(fruit))


def paint_market(s: Scene):
    s.sky(420)
    s.sun(300)
    s.draw.rectangle((0, 420, W, H), fill=s.lit((176, 160, 140)))
    x = -40
    while x < W:
        width = s.rng.randrange(260, 380)
        stripe = s.lit(s.rng.choice(BRIGHT))
        s.draw.rectangle((x, 470, x + width, 820), fill=s.lit((120, 100, 80)))
        for i in range(0, width, 40):
            fill = stripe if (i // 40) % 2 == 0 else s.lit((240, 236, 226))
            s.draw.polygon(
                [(x + i, 380), (x + i + 40, 380), (x + i + 48, 480), (x + i - 8, 480)],
                fill=fill,
            )
        for row in range(3):
            for col in range(0, width - 60, 90):
                box = (x + 20 + col, 620 + row * 120, x + 100 + col, 700 + row * 120)
                s.draw.rectangle(box, fill=s.lit((170, 120, 70)))
                color = s.lit(
                    s.rng.choice(
                        ((240, 150, 40), (200, 40, 40), (150, 190, 60), (110, 40, 110))
                    )
                )
                for _ in range(7):
                    fx = box[0] + s.rng.randrange(10, 70)
                    fy = box[1] + s.rng.randrange(-6, 16)
                    s.draw.ellipse((fx - 12, fy - 12, fx + 12, fy + 12), fill=color)
        x += width + 30


def paint_rail(s: Scene):
    horizon = s.rng.randrange(520, 620)
    landscape(s, horizon, (140, 146, 120), STEPPE, amplitude=22)
    track = horizon + 260
    s.draw.polygon(
        [(0, track - 10), (W, track - 10), (W, track + 50), (0, track + 50)],
        fill=s.lit((130, 120, 110)),
    )
    s.draw.line((0, track, W, track), fill=(80, 80, 86), width=6)
    x = s.rng.randrange(-400, 200)
    engine = s.lit(s.rng.choice(((40, 100, 170), (200, 60, 40), (60, 130, 90))))
    s.draw.rectangle((x, track - 170, x + 280, track - 16), fill=engine)
    s.draw.rectangle((x + 20, track - 150, x + 90, track - 100), fill=(200, 220, 235))
    x += 290
    while x < W + 100:
        body = s.lit(s.rng.choice(BRIGHT + [(150, 150, 150), (110, 70, 50)]))
        s.draw.rectangle((x, track - 150, x + 250, track - 16), fill=body)
        for rib in range(x + 20, x + 250, 26):
            s.draw.line(
                (rib, track - 146, rib, track - 20), mix(body, (0, 0, 0), 0.2), 3
            )
        x += 262
    for wx in range(s.rng.randrange(20), W, 65):
        s.draw.ellipse((wx, track - 26, wx + 26, track), fill=(40, 40, 44))
    for px in range(120, W, 420):
        s.draw.line(
            (px, track + 40, px, track - 320), fill=s.lit((90, 80, 70)), width=8
        )
        s.draw.line(
            (px - 40, track - 300, px + 40, track - 300),
            fill=s.lit((90, 80, 70)),
            width=6,
        )


def paint_road(s: Scene):
    horizon = s.rng.randrange(500, 600)
    if s.rng.random() < 0.5:
        s.sky(horizon)
        s.sun(horizon - 200)
        s.peaks(horizon, 300, s.lit(ROCK, 0.45), snow=s.lit(SNOW, 0.2))
        s.draw.rectangle((0, horizon, W, H), fill=s.lit(STEPPE))
    else:
        landscape(s, horizon, (140, 150, 120), STEPPE, amplitude=20)
    vx = W // 2 + s.rng.randrange(-250, 250)
    s.draw.polygon(
        [(vx - 8, horizon + 4), (vx + 8, horizon + 4), (W * 0.9, H), (W * 0.1, H)],
        fill=s.lit((84, 84, 90)),
    )
    for i in range(14):
        t0, t1 = (i / 14) ** 2, ((i + 0.5) / 14) ** 2
        y0, y1 = horizon + t0 * (H - horizon), horizon + t1 * (H - horizon)
        x0, x1 = vx + (W / 2 - vx) * t0, vx + (W / 2 - vx) * t1
        w0, w1 = 1 + t0 * 14, 1 + t1 * 14
        s.draw.polygon(
            [(x0 - w0, y0), (x0 + w0, y0), (x1 + w1, y1), (x1 - w1, y1)],
            fill=(236, 230, 200),
        )
    for t in sorted(s.rng.uniform(0.08, 0.5) for _ in range(s.rng.randrange(1, 4))):
        # lorries in the right-hand lane, heading for the horizon
        y = horizon + t * (H - horizon)
        x = vx + (W / 2 - vx) * t + t * W * 0.12
        w, h = t * 300, t * 260
        s.draw.rectangle((x, y - h, x + w, y), fill=s.lit(s.rng.choice(BRIGHT)))
        s.draw.rectangle((x, y - h * 0.3, x + w, y), fill=s.lit((50, 50, 56)))


def paint_airport(s: Scene):
    horizon = s.rng.randrange(600, 680)
    s.sky(horizon)
    s.sun(horizon - 200)
    s.clouds(s.rng.randrange(3, 8), (40, 360))
    s.ridge(horizon, 20, s.lit((130, 140, 120), 0.5))
    s.draw.rectangle((0, horizon, W, H), fill=s.lit((120, 140, 90)))
    s.draw.polygon(
        [(W * 0.42, horizon), (W * 0.58, horizon), (W * 1.1, H), (-W * 0.1, H)],
        fill=s.lit((96, 96, 102)),
    )
    for i in range(10):
        t = (i / 10) ** 1.6
        y = horizon + t * (H - horizon)
        s.draw.rectangle(
            (W / 2 - 3 - t * 14, y, W / 2 + 3 + t * 14, y + 4 + t * 40), (240,) * 3
        )
    x0 = s.rng.randrange(100, 700)
    s.draw.rectangle((x0, horizon - 90, x0 + 700, horizon), fill=s.lit(GLASS, 0.2))
    s.draw.polygon(
        [
            (x0 - 30, horizon - 90),
            (x0 + 730, horizon - 90),
            (x0 + 700, horizon - 120),
            (x0, horizon - 120),
        ],
        fill=s.lit((220, 220, 220), 0.2),
    )
    # A climbing airliner, drawn as a few polygons around a tilted axis.
    px, py, size = s.rng.randrange(400, W - 400), s.rng.randrange(180, 360), 260
    angle = math.radians(-12)

    def at(u, v):
        return (
            px + u * size * math.cos(angle) - v * size * math.sin(angle),
            py + u * size * math.sin(angle) + v * size * math.cos(angle),
        )

    body = s.lit((236, 238, 242))
    s.draw.polygon(
        [at(-1, -0.07), at(0.9, -0.07), at(1.05, 0), at(0.9, 0.07), at(-1, 0.06)], body
    )
    s.draw.polygon([at(-0.1, 0), at(0.2, 0), at(-0.3, 0.8), at(-0.45, 0.8)], fill=body)
    s.draw.polygon(
        [at(-0.1, 0), at(0.2, 0), at(-0.2, -0.5), at(-0.32, -0.5)], fill=body
    )
    s.draw.polygon(
        [at(-1, -0.05), at(-0.8, -0.05), at(-0.95, -0.4), at(-1.05, -0.4)], body
    )


def paint_port(s: Scene):
    horizon = s.rng.randrange(480, 560)
    s.sky(horizon)
    s.sun(horizon - 60)
    s.clouds(s.rng.randrange(2, 6), (40, horizon - 140))
    sea = Image.linear_gradient("L").resize((W, H - horizon))
    s.img.paste(
        ImageOps.colorize(
            sea,
            s.lit(mix(WATER, s.horizon_color, 0.5)),
            s.lit(mix(WATER, (10, 30, 60), 0.4)),
        ),
        (0, horizon),
    )
    for _ in range(60):
        x, y = s.rng.randrange(W), s.rng.randrange(horizon + 10, H)
        s.draw.line(
            (x, y, x + s.rng.randrange(40, 200), y), s.lit((150, 190, 210), 0.2), 2
        )
    quay = horizon + 260
    s.draw.rectangle((0, quay, W, H), fill=s.lit((150, 146, 140)))
    hull_x = s.rng.randrange(100, 500)
    hull = s.lit(s.rng.choice(((40, 60, 90), (150, 40, 40), (30, 30, 36))))
    s.draw.polygon(
        [
            (hull_x, quay - 150),
            (hull_x + 900, quay - 150),
            (hull_x + 860, quay - 20),
            (hull_x + 60, quay - 20),
        ],
        fill=hull,
    )
    s.draw.rectangle(
        (hull_x + 40, quay - 300, hull_x + 160, quay - 150), fill=(236, 236, 236)
    )
    for cx in range(hull_x + 200, hull_x + 860, 64):
        for level in range(s.rng.randrange(1, 4)):
            y = quay - 150 - (level + 1) * 34
            s.draw.rectangle((cx, y, cx + 60, y + 32), fill=s.lit(s.rng.choice(BRIGHT)))
    crane = s.lit((220, 120, 40))
    for cx in range(hull_x + 300, W + 200, 380):
        s.draw.line((cx, quay, cx, quay - 420), fill=crane, width=14)
        s.draw.line((cx + 120, quay, cx + 120, quay - 420), fill=crane, width=14)
        s.draw.line((cx - 260, quay - 420, cx + 260, quay - 420), fill=crane, width=16)
        s.draw.line((cx, quay - 300, cx + 120, quay - 300), fill=crane, width=10)


def paint_energy(s: Scene):
    horizon = s.rng.randrange(520, 600)
    landscape(s, horizon, (150, 150, 124), STEPPE, amplitude=24)
    for i in range(s.rng.randrange(3, 7)):  # wind turbines along the ridge
        x, size = 120 + i * 260 + s.rng.randrange(60), s.rng.randrange(180, 300)
        base = horizon + 20
        mast = s.lit((236, 236, 236), 0.2)
        s.draw.polygon(
            [
                (x - 6, base),
                (x + 6, base),
                (x + 3, base - size * 1.2),
                (x - 3, base - size * 1.2),
            ],
            fill=mast,
        )
        hub = (x, base - size * 1.2)
        turn = s.rng.uniform(0, math.tau)
        for k in range(3):
            a = turn + k * math.tau / 3
            tip = (hub[0] + math.cos(a) * size * 0.8, hub[1] + math.sin(a) * size * 0.8)
            s.draw.line((hub, tip), fill=mast, width=7)
        s.draw.ellipse((hub[0] - 8, hub[1] - 8, hub[0] + 8, hub[1] + 8), fill=mast)
    panel, frame = s.lit((36, 60, 110)), s.lit((150, 170, 190))
    for row in range(4):  # rows of solar panels in the foreground
        y = horizon + 190 + row * (90 + row * 30)
        h = 40 + row * 20
        for x in range(-100 + row * 30, W, 180 + row * 50):
            w = 150 + row * 44
            s.draw.polygon(
                [(x, y + h), (x + w, y + h), (x + w + 30, y), (x + 30, y)], panel
            )
            s.draw.line((x + w / 2, y + h, x + w / 2 + 30, y), fill=frame, width=2)


def paint_stadium(s: Scene):
    s.sky(300)
    s.sun(200)
    stands_top, pitch_top = 180, 470
    s.draw.rectangle((0, stands_top, W, pitch_top), fill=s.lit((60, 62, 74)))
    for _ in range(2200):  # the crowd
        x, y = s.rng.randrange(W), s.rng.randrange(stands_top + 20, pitch_top - 20)
        color = s.rng.choice(BRIGHT + [(230, 230, 230), (30, 30, 30), (200, 170, 140)])
        s.draw.rectangle((x, y, x + 6, y + 8), fill=s.lit(color))
    s.draw.rectangle((0, pitch_top - 24, W, pitch_top), fill=s.lit((40, 90, 150)))
    green = s.lit((58, 140, 66))
    s.draw.rectangle((0, pitch_top, W, H), fill=green)
    for i in range(0, 12, 2):
        y0 = pitch_top + (i / 12) ** 1.4 * (H - pitch_top)
        y1 = pitch_top + ((i + 1) / 12) ** 1.4 * (H - pitch_top)
        s.draw.rectangle((0, y0, W, y1), fill=mix(green, (255, 255, 255), 0.08))
    line = (240, 240, 236)
    s.draw.line((W / 2, pitch_top, W / 2, H), fill=line, width=6)
    s.draw.ellipse((W / 2 - 260, 640, W / 2 + 260, 880), outline=line, width=6)
    s.draw.line((80, pitch_top + 30, W - 80, pitch_top + 30), fill=line, width=5)
    for x in (140, W - 140):
        s.draw.line((x, stands_top, x, 20), fill=(200, 200, 200), width=10)
        s.draw.rectangle((x - 60, 10, x + 60, 60), fill=(250, 250, 230))
        if s.dark:
            s.glow(x, 40, 220, (255, 255, 230), 0.6)
    if s.rng.random() < 0.7:  # players
        for _ in range(s.rng.randrange(4, 9)):
            x, y = s.rng.randrange(200, W - 200), s.rng.randrange(620, 960)
            kit = s.lit(BRIGHT[s.rng.randrange(2)])
            h = (y - 500) * 0.5
            s.draw.rectangle(
                (x - h * 0.15, y - h, x + h * 0.15, y - h * 0.45), fill=kit
            )
            s.draw.rectangle(
                (x - h * 0.12, y - h * 0.45, x + h * 0.12, y), fill=(30, 30, 30)
            )
            s.draw.ellipse(
                (x - h * 0.1, y - h * 1.2, x + h * 0.1, y - h), fill=(190, 140, 110)
            )


def paint_stage(s: Scene):
    s.img.paste((24, 18, 30), (0, 0, W, H))
    curtain = s.rng.choice(((150, 30, 40), (110, 40, 120), (30, 70, 110)))
    for x in range(0, W, 40):
        tone = mix(curtain, (0, 0, 0), 0.35 if (x // 40) % 2 else 0.0)
        if x < 320 or x > W - 360:
            s.draw.rectangle((x, 0, x + 40, 760), fill=tone)
    s.draw.rectangle((0, 0, W, 90), fill=curtain)
    s.draw.polygon([(0, 700), (W, 700), (W, 820), (0, 820)], fill=(110, 76, 50))
    for _ in range(s.rng.randrange(2, 4)):
        x = s.rng.randrange(400, W - 400)
        s.glow(x, 600, 320, (255, 236, 200), 0.45)
    for i in range(s.rng.randrange(1, 5)):  # performers
        x, h = 520 + i * 200 + s.rng.randrange(60), s.rng.randrange(200, 260)
        dress = s.rng.choice(BRIGHT + [(20, 20, 24)])
        s.draw.polygon(
            [(x - 50, 720), (x + 50, 720), (x + 24, 720 - h), (x - 24, 720 - h)], dress
        )
        s.draw.ellipse((x - 22, 720 - h - 50, x + 22, 720 - h), fill=(196, 150, 120))
    for row in range(3):  # the audience, seen from behind
        y = 880 + row * 50
        for x in range(-20 + row * 30, W, 70):
            s.draw.ellipse((x, y, x + 56, y + 70), fill=(12 + row * 4, 10, 16))
            s.draw.rectangle((x - 10, y + 50, x + 66, H), fill=(12 + row * 4, 10, 16))


def paint_gallery(s: Scene):
    wall = s.rng.choice(((236, 234, 228), (214, 220, 224), (230, 220, 204)))
    s.draw.rectangle((0, 0, W, 800), fill=wall)
    s.draw.rectangle((0, 800, W, H), fill=(150, 110, 76))
    for x in range(0, W, 120):
        s.draw.line((x, 800, x - 300, H), fill=(130, 94, 64), width=3)
    x = s.rng.randrange(60, 160)
    while x < W - 200:
        w, h = s.rng.randrange(180, 360), s.rng.randrange(200, 380)
        y = 420 - h // 2
        s.glow(x + w // 2, y + h // 2, max(w, h), (255, 250, 230), 0.35)
        s.draw.rectangle((x - 14, y - 14, x + w + 14, y + h + 14), fill=(60, 44, 30))
        top, bottom = s.rng.choice(BRIGHT), s.rng.choice(BRIGHT)
        s.draw.rectangle((x, y, x + w, y + h), fill=mix(top, (255, 255, 255), 0.4))
        s.draw.rectangle((x, y + h * 0.6, x + w, y + h), fill=bottom)
        r = min(w, h) // 6
        s.draw.ellipse(
            (x + w * 0.7 - r, y + h * 0.3 - r, x + w * 0.7 + r, y + h * 0.3 + r),
            fill=s.rng.choice(BRIGHT),
        )
        x += w + s.rng.randrange(120, 220)
    for _ in range(s.rng.randrange(2, 5)):  # visitors
        x, h = s.rng.randrange(100, W - 100), s.rng.randrange(380, 460)
        coat = s.rng.choice(BRIGHT + [(40, 40, 50)])
        s.draw.polygon(
            [(x - 60, 1040), (x + 60, 1040), (x + 40, 1040 - h), (x - 40, 1040 - h)],
            fill=coat,
        )
        s.draw.ellipse((x - 34, 1040 - h - 76, x + 34, 1040 - h), fill=(60, 40, 30))


def paint_silkroad(s: Scene):
    ground = s.rng.randrange(820, 900)
    s.sky(ground)
    s.sun(ground - 400)
    brick = s.lit((206, 170, 120))
    tile, tile_dark = s.lit((40, 150, 170)), s.lit((30, 70, 140))
    cx = W // 2 + s.rng.randrange(-200, 200)
    for mx in (cx - 620, cx + 560):  # minarets
        s.draw.polygon(
            [
                (mx, ground),
                (mx + 70, ground),
                (mx + 56, ground - 600),
                (mx + 14, ground - 600),
            ],
            fill=brick,
        )
        for y in range(ground - 560, ground, 90):
            s.draw.rectangle((mx + 10, y, mx + 60, y + 16), fill=tile)
        s.draw.rectangle((mx, ground - 640, mx + 70, ground - 600), fill=tile_dark)
    s.draw.rectangle((cx - 150, ground - 430, cx + 150, ground - 300), fill=brick)
    s.draw.chord((cx - 190, ground - 640, cx + 190, ground - 260), 180, 360, fill=tile)
    for k in range(-3, 4):
        s.draw.line(
            (cx + k * 50, ground - 450, cx + k * 20, ground - 630), tile_dark, 4
        )
    s.draw.rectangle((cx - 520, ground - 300, cx + 520, ground), fill=brick)
    s.draw.rectangle((cx - 260, ground - 520, cx + 260, ground), fill=brick)
    s.draw.rectangle((cx - 260, ground - 520, cx + 260, ground - 480), fill=tile_dark)
    arch = [(cx - 150, ground), (cx - 150, ground - 300)]
    arch += [
        (cx + 150 * math.cos(a), ground - 300 - 150 * math.sin(a))
        for a in (math.pi * i / 12 for i in range(12, -1, -1))
    ]
    arch += [(cx + 150, ground)]
    s.draw.polygon([(cx - 190, ground), *arch[1:-1], (cx + 190, ground)], fill=tile)
    s.draw.polygon(arch, fill=s.lit((60, 44, 36)))
    for x in range(int(cx - 500), int(cx + 500), 110):
        if abs(x - cx) > 280:
            s.draw.chord((x, ground - 240, x + 70, ground - 100), 180, 360, tile_dark)
            s.draw.rectangle((x, ground - 170, x + 70, ground - 40), fill=tile_dark)
    s.draw.rectangle((0, ground, W, H), fill=s.lit((196, 176, 140)))


def paint_snow(s: Scene):
    horizon = s.rng.randrange(560, 660)
    s.sky(horizon + 60)
    s.sun(horizon - 120)
    s.peaks(horizon, 340, s.lit((170, 180, 200), 0.4), snow=s.lit(SNOW, 0.2))
    s.ridge(horizon + 80, 50, s.lit((220, 228, 240), 0.15))
    s.ridge(horizon + 240, 40, s.lit((242, 246, 252)))
    for _ in range(s.rng.randrange(8, 20)):
        x = s.rng.randrange(W)
        s.pine(
            x,
            horizon + 230 + s.rng.randrange(300),
            s.rng.randrange(110, 220),
            s.lit((34, 70, 56)),
            snow=(240, 244, 250),
        )


def paint_desert(s: Scene):
    horizon = s.rng.randrange(540, 640)
    s.sky(horizon + 40)
    s.sun(horizon)
    for i, amp in enumerate((30, 60, 90)):
        haze = 0.45 - i * 0.2
        shade = s.lit(mix(SAND, SOIL, 0.25 - i * 0.1), haze)
        crest = s.ridge(horizon + i * 130, amp, shade, waves=2)
        s.draw.line(crest, fill=s.lit(mix(SAND, (255, 240, 210), 0.5), haze), width=4)
        for k in range(1, 4):  # wind ripples below the crest
            ripple = [(x, y + k * (30 + i * 20)) for x, y in crest]
            s.draw.line(
                ripple, fill=s.lit(mix(SAND, SOIL, 0.4 - i * 0.1), haze), width=2
            )
    for _ in range(s.rng.randrange(6, 16)):  # saxaul shrubs
        x, y = s.rng.randrange(W), s.rng.randrange(horizon + 260, H)
        s.draw.ellipse((x - 30, y - 24, x + 30, y), fill=s.lit((110, 110, 70)))


def paint_building(s: Scene):
    """A modern public building: a school, a clinic, a terminal."""
    ground = s.rng.randrange(780, 860)
    s.sky(ground)
    s.sun(ground - 300)
    s.clouds(s.rng.randrange(2, 7), (40, 300))
    s.ridge(ground - 160, 30, s.lit((130, 150, 130), 0.5))
    face = s.lit(s.rng.choice(((236, 234, 228), (214, 132, 96), (200, 210, 220))))
    x0, x1 = s.rng.randrange(80, 320), s.rng.randrange(W - 320, W - 80)
    top = ground - s.rng.randrange(300, 420)
    s.draw.rectangle((x0, top, x1, ground), fill=face)
    s.draw.rectangle((x0 - 20, top - 20, x1 + 20, top), fill=mix(face, (0, 0, 0), 0.2))
    lit = (252, 214, 120) if s.dark else None
    s.windows(
        (x0, top, x1, ground - 120), s.lit(GLASS, 0.2), lit, size=(60, 70), gap=(24, 30)
    )
    door = (W / 2 - 120, ground - 140)
    s.draw.rectangle((*door, W / 2 + 120, ground), fill=s.lit((60, 90, 120)))
    s.draw.rectangle((0, ground, W, H), fill=s.lit((120, 160, 90)))
    s.draw.polygon(
        [
            (W / 2 - 130, ground),
            (W / 2 + 130, ground),
            (W / 2 + 300, H),
            (W / 2 - 300, H),
        ],
        fill=s.lit((190, 184, 176)),
    )
    for x in range(40, W, 260):
        if abs(x - W / 2) > 300:
            s.tree(
                x,
                ground + s.rng.randrange(60, 200),
                s.rng.randrange(160, 260),
                s.lit((56, 110, 60)),
            )
    s.flag(x1 - 160, top - 20, 180, s.lit(s.rng.choice(BRIGHT)))


MOTIFS = {
    name.removeprefix("paint_"): painter
    for name, painter in globals().items()
    if name.startswith("paint_")
}


def can_paint(scene: str) -> bool:
    """Whether `scene` names a motif and a light the painter knows."""
    motif, _, light = scene.partition(" ")
    return motif in MOTIFS and light in LIGHTS


def paint_photo(scene: str, seed: int, *, width: int = W) -> bytes:
    """
    A JPEG illustration for a scene hint such as "mountains dawn".

    Drawn at PHOTO_SIZE, the size the motifs are laid out for, and scaled down
    to `width` if smaller.
    """
    motif, _, light = scene.partition(" ")
    canvas = Scene(random.Random(seed), light or "day")
    MOTIFS[motif](canvas)
    canvas.vignette()
    picture = canvas.img
    if width < W:
        size = (width, round(H * width / W))
        picture = picture.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=True)
    return buffer.getvalue()
