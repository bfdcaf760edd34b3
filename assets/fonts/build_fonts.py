#!/usr/bin/env python3
"""Builds the game's two bundled fonts, subsets of the Simplified Chinese face
of Debian's Noto Sans CJK collection (package fonts-noto-cjk):

    assets/fonts/NotoSansSC-Regular-GreatLeap.otf
    assets/fonts/NotoSansSC-Bold-GreatLeap.otf

The subset keeps the code points listed in README.md (Latin, punctuation,
symbols, CJK punctuation, full-width forms, every GB2312 character, and every
character that appears in a file under scripts/), the CFF outlines with their
hints, kerning and the cheap CJK width features; it drops vertical layout,
the 'locl' forms of the other CJK languages and every other feature.

Run from the repository root, with Debian's Python (which has fontTools):

    apt-get install fonts-noto-cjk python3-fonttools
    python3 assets/fonts/build_fonts.py

It fails, writing nothing, if a character used in scripts/ is not in the
upstream font, and checks every written font against the character set.
The output is reproducible: the same inputs give the same bytes.
"""
import glob
import os
import sys
import unicodedata

try:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont
except ImportError:
    sys.exit(
        "build_fonts.py: fontTools is missing for %s; run 'apt-get install "
        "python3-fonttools' and use Debian's /usr/bin/python3" % sys.executable
    )

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCRIPTS = os.path.join(ROOT, "scripts")
UPSTREAM_DIR = "/usr/share/fonts/opentype/noto"
UPSTREAM_FAMILY = "Noto Sans CJK SC"  # name ID 1 of the face to take
FAMILY = "Noto Sans SC GreatLeap"  # name of the subset (no Reserved Font Name)
PS_FAMILY = "NotoSansSCGreatLeap"
WEIGHTS = ("Regular", "Bold")

# Code point ranges kept whole (only those the upstream face has end up in
# the font; the rest of each block is simply absent upstream).
RANGES = [
    (0x0020, 0x007E, "printable ASCII"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x2070, 0x209F, "Superscripts and Subscripts"),
    (0x20A0, 0x20CF, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols"),
    (0x2150, 0x218F, "Number Forms"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0x25A0, 0x25FF, "Geometric Shapes"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation"),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms"),
]
# Symbols that user interfaces use, checked one by one (warned about if the
# upstream face lacks one).
UI_SYMBOLS = "✓✗★☆●○■□▲▼◀▶×÷−±≤≥≈‰°"

# OpenType features kept: kerning and marks, the default substitutions, and
# the CJK width features (halt/palt: half-width and proportional punctuation;
# fwid/hwid/pwid: full-, half- and proportional-width forms). Left out on
# purpose: 'locl' (it pulls in the Japanese, Korean and Traditional Chinese
# glyph forms, nearly doubling the size, and the SC face's default forms are
# the Simplified Chinese ones) and the vertical-writing features.
FEATURES = ["ccmp", "liga", "calt", "kern", "mark", "halt", "palt", "fwid", "hwid", "pwid"]
DROP_TABLES = ["vhea", "vmtx", "VORG", "BASE"]  # vertical layout and baselines


def gb2312_chars(first_row, last_row):
    """Characters of GB2312 rows first_row..last_row (lead bytes 0xA0+row),
    decoded from every two-byte code with Python's gb2312 codec."""
    out = set()
    for hi in range(0xA0 + first_row, 0xA0 + last_row + 1):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def gb2312_hanzi():
    """The 6,763 hanzi of GB2312: codes 0xB0A1-0xF7FE (rows 16-87)."""
    return gb2312_chars(16, 87)


def gb2312_symbols():
    """The 682 non-hanzi of GB2312, rows 1-9 (0xA1A1-0xA9FE): punctuation,
    numbers (①, Ⅰ), Greek, Cyrillic, pinyin letters, bopomofo, kana and box
    drawing."""
    return gb2312_chars(1, 9)


def script_chars():
    """Every character in a Lua file under scripts/ (locale/ included), with
    the file it was first seen in; control characters are left out."""
    seen = {}
    files = sorted(glob.glob(os.path.join(SCRIPTS, "**", "*.lua"), recursive=True))
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for ch in fh.read():
                if unicodedata.category(ch) != "Cc" and ch not in seen:
                    seen[ch] = os.path.relpath(path, ROOT)
    return seen, len(files)


def find_face(path, family):
    """Index of the face in the collection whose name ID 1 is family."""
    coll = TTCollection(path, lazy=True)
    found = [i for i, f in enumerate(coll.fonts) if f["name"].getDebugName(1) == family]
    if len(found) != 1:
        sys.exit("build_fonts.py: %s has %d faces named %r" % (path, len(found), family))
    return found[0]


def rename(font, weight):
    """Gives the subset its own names (name table and CFF), so that it never
    passes for the upstream font: a subset is a Modified Version (OFL)."""
    name = font["name"]
    upstream_version = name.getDebugName(5).split(";")[0]  # "Version 2.004"
    full = "%s %s" % (FAMILY, weight)
    ps = "%s-%s" % (PS_FAMILY, weight)
    number = upstream_version.replace("Version ", "")
    new = {
        1: FAMILY,
        2: weight,
        3: "%s;GreatLeap;%s" % (number, ps),
        4: full,
        5: "%s;GreatLeap subset of %s %s" % (upstream_version, UPSTREAM_FAMILY, weight),
        6: ps,
    }
    name.names = [r for r in name.names if r.nameID not in new and r.nameID not in (16, 17)]
    for name_id, text in sorted(new.items()):
        name.setName(text, name_id, 3, 1, 0x409)  # Windows, English (US)
    for name_id in (1, 2, 4):
        name.setName(new[name_id], name_id, 3, 1, 0x804)  # Windows, Chinese (PRC)
    cff = font["CFF "].cff
    old_ps = cff.fontNames[0]
    cff.fontNames = [ps]
    top = cff[0]
    top.FullName = full
    top.FamilyName = FAMILY
    for fd in getattr(top, "FDArray", []):
        if getattr(fd, "FontName", "").startswith(old_ps):
            fd.FontName = ps + fd.FontName[len(old_ps):]


def build(weight, unicodes):
    src = os.path.join(UPSTREAM_DIR, "NotoSansCJK-%s.ttc" % weight)
    if not os.path.exists(src):
        sys.exit("build_fonts.py: %s is missing; apt-get install fonts-noto-cjk" % src)
    opts = subset.Options()
    opts.font_number = find_face(src, UPSTREAM_FAMILY)
    opts.layout_features = FEATURES
    opts.drop_tables += DROP_TABLES
    opts.hinting = True  # CFF hints: FreeType's CFF driver uses them (~15% of the size)
    opts.desubroutinize = False  # subroutines keep CFF small
    opts.notdef_outline = True  # a missing glyph shows, so tests and people notice
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    font = subset.load_font(src, opts)
    font.recalcTimestamp = False  # keep upstream's head.modified: reproducible
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    rename(font, weight)
    out = os.path.join(HERE, "NotoSansSC-%s-GreatLeap.otf" % weight)
    tmp = out + ".tmp"
    subset.save_font(font, tmp, opts)
    os.replace(tmp, out)
    return out, opts.font_number


def main():
    wanted = set()
    for lo, hi, _ in RANGES:
        wanted.update(range(lo, hi + 1))
    wanted.update(ord(c) for c in UI_SYMBOLS)
    hanzi = gb2312_hanzi()
    symbols = gb2312_symbols()
    used, nfiles = script_chars()
    if len(hanzi) != 6763:
        sys.exit("build_fonts.py: GB2312 gave %d hanzi, not 6763" % len(hanzi))
    wanted.update(ord(c) for c in hanzi | symbols | set(used))

    # Upstream coverage: the characters the game needs must all be there.
    probe = os.path.join(UPSTREAM_DIR, "NotoSansCJK-Regular.ttc")
    cmap = TTFont(probe, fontNumber=find_face(probe, UPSTREAM_FAMILY), lazy=True).getBestCmap()
    missing = sorted(c for c in used if ord(c) not in cmap)
    if missing:
        for c in missing:
            print("  U+%04X %s (first in %s)" % (ord(c), c, used[c]), file=sys.stderr)
        sys.exit("build_fonts.py: %d characters used in scripts/ are not in %s; "
                 "nothing written" % (len(missing), UPSTREAM_FAMILY))
    for c in UI_SYMBOLS:
        if ord(c) not in cmap:
            print("warning: U+%04X %s is not in %s, so not in the subset: "
                  "do not use it in game text" % (ord(c), c, UPSTREAM_FAMILY), file=sys.stderr)
    print("%d code points asked for (%d GB2312 hanzi, %d GB2312 symbols, %d distinct "
          "characters in %d files under scripts/); %d of them in the upstream face"
          % (len(wanted), len(hanzi), len(symbols), len(used), nfiles,
             sum(1 for u in wanted if u in cmap)))

    need = [ord(c) for c in hanzi | set(used)]
    for weight in WEIGHTS:
        out, index = build(weight, wanted)
        font = TTFont(out)
        got = font.getBestCmap()
        lost = [u for u in need if u not in got]
        if lost:
            sys.exit("build_fonts.py: %s lacks %s" % (out, " ".join("U+%04X" % u for u in lost[:20])))
        print("%s: face %d of the collection, %d glyphs, %d code points, %d bytes"
              % (os.path.relpath(out, ROOT), index, font["maxp"].numGlyphs, len(got),
                 os.path.getsize(out)))


if __name__ == "__main__":
    main()
