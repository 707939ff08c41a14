#!/usr/bin/env python3
# make_ads.py - regenerates sunrise.png and tower.png: python3 make_ads.py ads
# Makes the edition's advertisement graphics with the standard library only:
# flat geometric shapes (no text), written as 8-bit RGB PNGs.
import struct, zlib, math, sys

def png(path, w, h, pixel):
    rows = bytearray()
    for y in range(h):
        rows.append(0)
        for x in range(w):
            rows += bytes(pixel(x, y))
    def chunk(t, d):
        c = struct.pack('>I', len(d)) + t + d
        return c + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(bytes(rows), 9)) + chunk(b'IEND', b''))
    open(path, 'wb').write(data)

NAVY, GOLD, CREAM, RED, TEAL = (20, 40, 90), (230, 170, 40), (250, 244, 228), (200, 50, 40), (30, 130, 130)

def sunrise(x, y, w=900, h=660):
    # a sun rising over three hills, in a navy frame
    if x < 18 or y < 18 or x >= w - 18 or y >= h - 18:
        return NAVY
    cx, cy = w / 2, h * 0.62
    r = math.hypot(x - cx, y - cy)
    for k, hx in enumerate((0.2, 0.55, 0.9)):
        if y > h * 0.62 + 60 * math.cos((x / w - hx) * math.pi * 2.2) - 10 * k and y > h * 0.55:
            return (TEAL, (25, 100, 100), (20, 80, 80))[k]
    if r < 150:
        return GOLD
    if r < 175 or (r < 300 and int(math.degrees(math.atan2(y - cy, x - cx)) // 12) % 2 == 0):
        return (245, 205, 120)
    return CREAM

def tower(x, y, w=600, h=960):
    # stacked bands and a red disc: a poster for the back page
    if x < 14 or y < 14 or x >= w - 14 or y >= h - 14:
        return NAVY
    if math.hypot(x - w / 2, y - h * 0.3) < 170:
        return RED
    band = int((y - 14) / 60)
    if y > h * 0.55:
        return (NAVY, GOLD, CREAM, TEAL)[band % 4]
    return CREAM

png(sys.argv[1] + '/sunrise.png', 900, 660, sunrise)
png(sys.argv[1] + '/tower.png', 600, 960, tower)
