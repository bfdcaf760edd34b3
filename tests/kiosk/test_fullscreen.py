#!/usr/bin/env python3
"""The kiosk covers the whole screen wherever a museum runs it (issue 15).

x11:  under an X server with no window manager (as `xinit` starts one; run
      this under `xvfb-run -s "-screen 0 1600x900x24"`). The kiosk is asked
      for a small window (--size 800x500) and must cover the screen anyway:
      xwininfo shows its window at 0,0 with the screen's size, and the
      screen's four corners, read back from the X server (xwd) right after
      the first frame, show the game's bars. Then the window is shrunk and
      moved as a window manager might; the kiosk puts it back.
cage: under cage, the Wayland kiosk compositor, with its headless backend
      (no display, no GPU). The game runs through Xwayland (SDL's choice
      when cage gives it an X display) and natively on Wayland. The game's
      log must report a window of the output's size (the size of cage's
      Xwayland root window); through Xwayland, the X server must have the
      window at 0,0 with that size and its four corners (xwd) must show
      the game. grim's copy of the output is checked for its size and
      reported (wlroots 0.15's headless pixman output gives it black).
      Skips (status 77) with the reason when cage is missing or cannot
      start here.

Usage: test_fullscreen.py x11|cage GREATLEAP KIOSK_INI WORKDIR"""
import os
import queue
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time

MODE, GAME, CONFIG, WORK = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3]), sys.argv[4]
SKIP = 77
# The attract loop's bands, top and bottom, are the theme's slate (ui_widgets.c).
SLATE = (52, 66, 84)


def close_to(pixel, want, slack=8):
    return all(abs(a - b) <= slack for a, b in zip(pixel, want))


def corners(width, height, pixel):
    """The four corners' pixels, 3 px in (a border would be the first)."""
    return {name: pixel(x, y) for name, (x, y) in {"top left": (3, 3), "top right": (width - 4, 3),
                                                   "bottom left": (3, height - 4),
                                                   "bottom right": (width - 4, height - 4)}.items()}


def read_xwd(path):
    """An xwd dump of a 24- or 32-bit TrueColor screen: (width, height, pixel)."""
    data = open(path, "rb").read()
    header = struct.unpack(">25I", data[:100])
    size, fmt, depth = header[0], header[2], header[3]
    width, height, byte_order, bits_pp, line = header[4], header[5], header[7], header[11], header[12]
    ncolors = header[19]
    if fmt != 2 or bits_pp not in (24, 32):
        raise AssertionError(f"xwd: format {fmt}, {bits_pp} bits a pixel: not read here")
    masks = header[14:17]
    start = size + ncolors * 12
    step = bits_pp // 8

    def pixel(x, y):
        raw = data[start + y * line + x * step:start + y * line + x * step + step]
        value = int.from_bytes(raw, "little" if byte_order == 0 else "big")
        out = []
        for mask in masks:
            shift = (mask & -mask).bit_length() - 1
            out.append((value & mask) >> shift)
        return tuple(out)
    del depth
    return width, height, pixel


def read_ppm(path):
    data = open(path, "rb").read()
    fields, at = [], 0
    while len(fields) < 4:  # P6, width, height, maxval
        while data[at:at + 1].isspace():
            at += 1
        start = at
        while not data[at:at + 1].isspace():
            at += 1
        fields.append(data[start:at])
    at += 1
    width, height = int(fields[1]), int(fields[2])

    def pixel(x, y):
        i = at + (y * width + x) * 3
        return tuple(data[i:i + 3])
    return width, height, pixel


class Log:
    """The game's stderr (its kiosk log), line by line."""

    def __init__(self, stream):
        self.lines = queue.Queue()
        self.seen = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.lines.put(line.rstrip("\n"))

    def expect(self, pattern, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            print("   ", line, flush=True)
            self.seen.append(line)
            m = re.search(pattern, line)
            if m:
                return m
        raise AssertionError(f"timed out waiting for /{pattern}/")


def x11():
    os.makedirs(WORK, exist_ok=True)
    for tool in ("xwininfo", "xdotool", "xwd"):
        if not shutil.which(tool):
            print(f"SKIP: {tool} is not installed (.ci/setup installs it)")
            sys.exit(SKIP)
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(WORK, "config"), XDG_DATA_HOME=os.path.join(WORK, "data"),
               XDG_STATE_HOME=os.path.join(WORK, "state"), ASAN_OPTIONS="detect_leaks=0")
    env.pop("SDL_VIDEODRIVER", None)
    root = subprocess.run(["xwininfo", "-root"], capture_output=True, text=True, check=True).stdout
    sw = int(re.search(r"Width: (\d+)", root).group(1))
    sh = int(re.search(r"Height: (\d+)", root).group(1))
    print(f"== the kiosk on a bare X server of {sw}x{sh}, asked for 800x500", flush=True)
    game = subprocess.Popen([GAME, "--kiosk", "--kiosk-config", CONFIG, "--size", "800x500"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, env=env, text=True)
    log = Log(game.stderr)
    try:
        log.expect(r"kiosk: screen attract")  # logged once the first frame is drawn
        shot = os.path.join(WORK, "root.xwd")
        subprocess.run(["xwd", "-root", "-silent", "-out", shot], check=True)

        def geometry():
            wid = subprocess.run(["xdotool", "search", "--name", "Great Leap"], capture_output=True, text=True,
                                 check=True).stdout.split()[0]
            info = subprocess.run(["xwininfo", "-id", wid], capture_output=True, text=True, check=True).stdout
            g = [int(re.search(p + r":\s+(-?\d+)", info).group(1)) for p in
                 ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")]
            return wid, g
        wid, g = geometry()
        print(f"   window {g[2]}x{g[3]} at {g[0]},{g[1]}", flush=True)
        assert g == [0, 0, sw, sh], f"the window is {g[2]}x{g[3]} at {g[0]},{g[1]}, not the screen {sw}x{sh}"
        w, h, pixel = read_xwd(shot)
        assert (w, h) == (sw, sh), f"xwd: {w}x{h}"
        for name, px in corners(w, h, pixel).items():
            print(f"   {name} corner: {px}", flush=True)
            assert close_to(px, SLATE), f"the {name} corner of the first frame is {px}, not the game's {SLATE}"
        # A window manager that shrinks and moves the window: it is put back.
        subprocess.run(["xdotool", "windowsize", wid, "640", "400", "windowmove", wid, "120", "90"], check=True)
        log.expect(r"kiosk: window put back over the display")
        end = time.time() + 20
        while time.time() < end:
            _, g = geometry()
            if g == [0, 0, sw, sh]:
                break
            time.sleep(0.2)
        assert g == [0, 0, sw, sh], f"after a resize the window stays {g[2]}x{g[3]} at {g[0]},{g[1]}"
        log.expect(r"kiosk: layout for %dx%d pixels" % (sw, sh))
        print(f"   shrunk to 640x400 at 120,90, it covers {sw}x{sh} again", flush=True)
    finally:
        game.send_signal(signal.SIGTERM)
        status = game.wait(timeout=30)
    assert status == 0, f"SIGTERM gave status {status}"
    print("fullscreen x11: all checks passed")


def cage():
    for tool in ("cage", "xwininfo", "xdotool", "xwd"):
        if not shutil.which(tool):
            print(f"SKIP: {tool} is not installed (Debian packages cage, x11-utils, x11-apps (xwd), xdotool; .ci/setup installs them)")
            sys.exit(SKIP)
    # cage refuses to run as root; a test run as root runs it as nobody.
    as_nobody = os.geteuid() == 0
    work = tempfile.mkdtemp(prefix="gl-cage-")
    os.chmod(work, 0o777)
    for driver in ("x11", "wayland"):
        run = os.path.join(work, driver)
        os.makedirs(run)
        runtime = os.path.join(run, "runtime")
        os.makedirs(runtime)
        if as_nobody:
            for d in (run, runtime):
                os.chown(d, 65534, 65534)
        os.chmod(runtime, 0o700)
        inner = os.path.join(run, "inner.sh")
        # Inside cage: the game; once it has drawn, the output's size (the
        # root window of cage's Xwayland is the output), the game's window
        # as the X server has it (through Xwayland), and grim's screenshot
        # of the compositor's output.
        with open(inner, "w") as f:
            f.write(f"""#!/bin/sh
export XDG_CONFIG_HOME={run}/config XDG_DATA_HOME={run}/data XDG_STATE_HOME={run}/state
SDL_VIDEODRIVER={driver} ASAN_OPTIONS=detect_leaks=0 "{GAME}" --kiosk --kiosk-config "{CONFIG}" --size 800x500 \\
    --renderer software 2>{run}/game.log &
game=$!
i=0
while ! grep -q "screen attract" {run}/game.log 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
sleep 1.5
xwininfo -root >{run}/root.txt 2>&1
if [ {driver} = x11 ]; then
    wid=$(xdotool search --name "Great Leap" | head -1)
    xwininfo -id "$wid" >{run}/window.txt 2>&1
    xwd -id "$wid" -silent -out {run}/window.xwd
fi
command -v grim >/dev/null && grim -t ppm {run}/shot.ppm 2>{run}/grim.txt
kill -TERM $game
wait $game
echo "game status $?" >>{run}/game.log
""")
        os.chmod(inner, 0o755)
        env = {"PATH": "/usr/bin:/bin", "HOME": run, "XDG_RUNTIME_DIR": runtime, "WLR_BACKENDS": "headless",
               "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1"}
        cmd = ["cage", "--", inner]
        if as_nobody:
            cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + cmd
        print(f"== the kiosk in cage (headless), SDL's {driver} driver", flush=True)
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        log_path = os.path.join(run, "game.log")
        if not os.path.exists(log_path):
            print(f"SKIP: cage could not start the game here (status {proc.returncode}): "
                  f"{proc.stderr.strip()[-400:]}")
            sys.exit(SKIP)
        log = open(log_path).read()
        print("   " + log.strip().replace("\n", "\n   "), flush=True)
        assert "game status 0" in log, "the game did not leave cleanly on SIGTERM"
        root = open(os.path.join(run, "root.txt")).read()
        ow = int(re.search(r"Width: (\d+)", root).group(1))
        oh = int(re.search(r"Height: (\d+)", root).group(1))
        m = re.search(r"window (\d+)x(\d+) at (-?\d+),(-?\d+), display (\d+)x(\d+) .*: covers the display", log)
        assert m, "the game did not report a window covering the display"
        assert (int(m.group(1)), int(m.group(2))) == (ow, oh), \
            f"the game's window is {m.group(1)}x{m.group(2)}, the output {ow}x{oh}"
        print(f"   the game's window is the output's {ow}x{oh} (asked for 800x500)", flush=True)
        if driver == "x11":
            info = open(os.path.join(run, "window.txt")).read()
            g = [int(re.search(p + r":\s+(-?\d+)", info).group(1)) for p in
                 ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")]
            assert g == [0, 0, ow, oh], f"Xwayland has the window {g[2]}x{g[3]} at {g[0]},{g[1]}, not {ow}x{oh}"
            w, h, pixel = read_xwd(os.path.join(run, "window.xwd"))
            for name, px in corners(w, h, pixel).items():
                print(f"   {name} corner of the window, from Xwayland: {px}", flush=True)
                assert close_to(px, SLATE), f"the {name} corner is {px}, not the game's {SLATE}"
        shot = os.path.join(run, "shot.ppm")
        if os.path.exists(shot):
            w, h, pixel = read_ppm(shot)
            seen = corners(w, h, pixel)
            assert (w, h) == (ow, oh), f"grim's output is {w}x{h}, Xwayland's root {ow}x{oh}"
            if all(close_to(px, SLATE) for px in seen.values()):
                print("   grim's screenshot of the output shows the game in its four corners", flush=True)
            else:
                # wlroots 0.15's headless backend with the pixman renderer
                # (cage 0.1.4, Debian 12) fails its output test when grim
                # asks for a copy ("Basic output test failed for
                # HEADLESS-1"), and the copy comes back black: a limit of
                # the headless compositor, not of the game (through
                # Xwayland the window's pixels are checked above).
                print(f"   note: grim's copy of the headless output is {seen['top left']} in its corners "
                      "(wlroots' headless pixman output gives screencopy nothing here)", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print("fullscreen cage: all checks passed")


if __name__ == "__main__":
    {"x11": x11, "cage": cage}[MODE]()
