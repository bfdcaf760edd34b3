#!/usr/bin/env python3
"""The game's real window driven by --input-script (docs/input-script.md),
on SDL's dummy video driver and a virtual clock: every case is a script of
clicks, keys and checks run by the game itself, plus what this file checks
in the game's output (its log of cards, its state lines, its screenshots).

Usage: test_window.py GREATLEAP WORKDIR [CASE...]"""
import os
import re
import shutil
import struct
import subprocess
import sys

GAME, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ONLY = sys.argv[3:]
failures = []


class Run:
    def __init__(self, rc, out, err):
        self.rc, self.out, self.err = rc, out, err

    def states(self):
        return [dict(re.findall(r"(\w+) (\S+)", line[6:])) | {"line": line}
                for line in self.out.splitlines() if line.startswith("state ")]

    def cards(self):
        return [line.split()[1:] for line in self.out.splitlines() if line.startswith("card ")]


def home(name, fresh=True):
    d = os.path.join(WORK, name)
    if fresh and os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d, exist_ok=True)
    return d


def play(name, script, *args, size="1280x720", lang="en", home_dir=None, expect_rc=0):
    """Runs the game on `script` (a string); returns a Run. Fails the case if
    the exit status is not `expect_rc`."""
    d = home_dir or home(name)
    path = os.path.join(d, name + ".txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(script)
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(d, "config"), XDG_DATA_HOME=os.path.join(d, "data"),
               XDG_STATE_HOME=os.path.join(d, "state"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    p = subprocess.run([GAME, "--input-script", path, "--size", size, "--lang", lang, "--no-user-mods", *args],
                       capture_output=True, text=True, env=env, timeout=900, cwd=d)
    run = Run(p.returncode, p.stdout, p.stderr)
    if p.returncode != expect_rc:
        raise AssertionError(f"{name}: exit status {p.returncode}, expected {expect_rc}\n--- stdout\n{p.stdout[-3000:]}"
                             f"\n--- stderr\n{p.stderr[-3000:]}")
    return run


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def case_driver():
    """The driver itself: clicks by label, keys, typed text, screenshots,
    and a failed check that names the script's line."""
    d = home("driver")
    run = play("driver", """\
# a comment, then a blank line

expect-screen title
press ui.new_historical
expect-screen intro
press ui.begin
expect-screen game
expect-screen card
expect-month 1958-01
screenshot first-card.png
key escape
expect-screen menu
press ui.resume
expect-screen card
answer history
state
key `
expect-screen console
type help
key return
expect-console explain
key `
state
""", home_dir=d)
    assert png_size(os.path.join(d, "first-card.png")) == (1280, 720), "the screenshot is not the window's size"
    states = run.states()
    assert len(states) == 2, run.out
    assert states[0]["month"] == "1958-01", states[0]
    assert run.cards() and run.cards()[0][2] != states[0]["screen"], run.out
    # A check that fails names the line and what the screen shows.
    bad = play("driver_fail", "expect-screen title\nexpect-screen reckoning\nquit\n", expect_rc=1)
    assert "driver_fail.txt:2: expected screen reckoning, the screen is title" in bad.err, bad.err
    bad = play("driver_bad", "frobnicate 3\n", expect_rc=1)
    assert "driver_bad.txt:1: not a command: frobnicate 3" in bad.err, bad.err
    # time cannot pass under a card: wait-month says so instead of hanging
    bad = play("driver_stopped", "press ui.new_free\npress ui.begin\nwait-month\n", expect_rc=1)
    assert re.search(r"driver_stopped.txt:3: time is stopped on game \(overlay none, card \w+", bad.err), bad.err


CASES = {name[5:]: fn for name, fn in sorted(globals().items()) if name.startswith("case_")}

if __name__ == "__main__":
    os.makedirs(WORK, exist_ok=True)
    for name, fn in CASES.items():
        if ONLY and name not in ONLY:
            continue
        print(f"== {name}: {fn.__doc__.splitlines()[0]}", flush=True)
        try:
            fn()
            print(f"   ok {name}", flush=True)
        except AssertionError as e:
            print(f"   FAIL {name}: {e}", flush=True)
            failures.append(name)
    if failures:
        print("window: failed: " + " ".join(failures))
        sys.exit(1)
    print("window: all cases passed")
