#!/usr/bin/env python3
"""The museum kiosk under a real X server (Xvfb), driven by synthetic touch
and key events (issues 6 and 15). Checks that the kiosk shows the attract
loop; that the keys which would leave a game (Escape, Alt+F4, F11, the
console's backquote) do nothing; that a visitor plays a whole session to
its end by touch alone, in English and in Chinese: the six decisions, each
followed by what really happened, then the ending and back to the attract
loop; that an idle visitor is sent back to the attract loop; that the
staff chord opens the PIN pad, which takes the PIN typed on a keyboard;
and that SIGTERM leaves with status 0.

The game reads the synthetic events from stdin (--kiosk-input -: "tap X Y",
"key SPEC", pushed into SDL's queue as finger and key events) and writes
its kiosk log to stderr ("screen intro primary X Y W H", "card lushan
options ...", "chose lushan listen_to_peng (touch)", "reveal lushan primary
X Y W H", "screen ending primary X Y W H").

Usage: test_kiosk.py GREATLEAP KIOSK_INI WORKDIR"""
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

GAME, CONFIG, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
TIMEOUT = float(os.environ.get("KIOSK_TEST_TIMEOUT", "120"))


def keep_gl_driver_loaded(env):
    """Under LeakSanitizer: Mesa's libGL unloads its DRI driver at exit, and
    the few bytes that driver never frees are then reported from an
    "<unknown module>" that no suppression can name. Preloading the driver
    keeps it mapped, so its memory stays reachable and is not reported."""
    for d in ("/usr/lib/x86_64-linux-gnu/dri", "/usr/lib/aarch64-linux-gnu/dri", "/usr/lib/dri"):
        driver = os.path.join(d, "swrast_dri.so")
        if os.path.exists(driver):
            env["LD_PRELOAD"] = driver
            env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"
            return


class Kiosk:
    def __init__(self, lang):
        os.makedirs(WORK, exist_ok=True)
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(WORK, "config"),
                   XDG_DATA_HOME=os.path.join(WORK, "data"), XDG_STATE_HOME=os.path.join(WORK, "state"))
        env.pop("SDL_VIDEODRIVER", None)  # a real X server, not the dummy driver
        if env.get("GL_SANITIZED"):
            keep_gl_driver_loaded(env)
        self.proc = subprocess.Popen([GAME, "--kiosk", "--kiosk-config", CONFIG, "--kiosk-input", "-", "--lang", lang,
                                      "--size", "1280x720"], stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdout=subprocess.DEVNULL, env=env, text=True, bufsize=1)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stderr:
            self.lines.put(line.rstrip("\n"))

    def send(self, command):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def expect(self, pattern, timeout=TIMEOUT):
        """The next log line matching `pattern` (others are skipped)."""
        end = time.time() + timeout
        while time.time() < end:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.proc.poll() is not None:
                    raise AssertionError(f"the game exited ({self.proc.returncode}) waiting for /{pattern}/")
                continue
            print("   ", line, flush=True)
            m = re.search(pattern, line)
            if m:
                return m
        raise AssertionError(f"timed out waiting for /{pattern}/")

    def tap_rect(self, x, y, w, h):
        self.send(f"tap {float(x) + float(w) / 2:.0f} {float(y) + float(h) / 2:.0f}")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        status = self.proc.wait(timeout=30)
        time.sleep(0.2)  # let the reader thread take the last lines
        if status != 0:  # show what the game said on its way out (a sanitizer report, say)
            while not self.lines.empty():
                print("   ", self.lines.get(), flush=True)
        return status


# The decisions a visitor is asked by default (app_kiosk.c, docs/kiosk.md).
KEY_EVENTS = {"communes_are_good", "beidaihe_steel", "harvest_claims", "grain_exports", "lushan", "granaries"}


def session(lang, leave_by_pin):
    """A visitor's whole session, by touch alone: six decisions, each
    followed by what really happened, then the ending."""
    print(f"== a visitor's session in {lang}", flush=True)
    k = Kiosk(lang)
    k.expect(r"kiosk: screen attract")
    # The keys that leave a game do nothing here.
    for key in ("escape", "alt+f4", "f11", "`", "ctrl+q"):
        k.send(f"key {key}")
    if shutil.which("xdotool"):  # and real X key events too
        for key in ("Escape", "alt+F4", "F11"):
            subprocess.run(["xdotool", "key", key], check=False)
    time.sleep(1.0)
    assert k.proc.poll() is None, "an escape key closed the kiosk"
    k.send("tap 640 300")  # anywhere on the attract screen
    m = k.expect(r"kiosk: screen intro primary (\S+) (\S+) (\S+) (\S+)")
    k.tap_rect(*m.groups())  # Begin
    k.expect(r"kiosk: screen game")
    chosen, revealed = [], []
    while True:
        m = k.expect(r"kiosk: (card (\S+) options (.*)|reveal (\S+) primary (\S+) (\S+) (\S+) (\S+)|"
                     r"screen ending primary (\S+) (\S+) (\S+) (\S+))")
        if m.group(2):  # a card: take its last option, by touch
            rects = [r.split() for r in m.group(3).split(";")]
            k.tap_rect(*rects[-1])
            k.expect(r"kiosk: chose " + re.escape(m.group(2)) + r" \S+ \(touch\)")
            chosen.append(m.group(2))
        elif m.group(4):  # what really happened: read, then Continue
            assert chosen and m.group(4) == chosen[-1], f"a reveal of {m.group(4)} after {chosen}"
            revealed.append(m.group(4))
            k.tap_rect(*m.groups()[4:8])
            k.expect(r"kiosk: reveal over \(touch\)")
        else:
            break
    assert set(chosen) == KEY_EVENTS and len(chosen) == len(KEY_EVENTS), f"the decisions asked: {chosen}"
    assert revealed == chosen, f"every decision is followed by what really happened: {revealed} after {chosen}"
    k.tap_rect(*m.groups()[8:12])  # Finish
    k.expect(r"kiosk: screen attract")
    # The staff chord opens the PIN pad.
    k.send("key ctrl+alt+shift+q")
    k.expect(r"kiosk: PIN pad opened")
    if leave_by_pin:
        # Typed on a keyboard: digits, a keypad digit, Backspace, Enter.
        for key in ("2", "keypad 4", "6", "9", "backspace", "8", "return"):
            k.send(f"key {key}")
        k.expect(r"kiosk: leaving: staff PIN")
        status = k.proc.wait(timeout=30)
        assert status == 0, f"the staff PIN gave status {status}"
    else:  # SIGTERM leaves cleanly
        status = k.stop()
        assert status == 0, f"SIGTERM gave status {status}"
    print(f"   {len(chosen)} decisions by touch, each with what really happened; status {status}", flush=True)


def idle_reset():
    print("== a visitor who walks away", flush=True)
    k = Kiosk("en")
    k.expect(r"kiosk: screen attract")
    k.send("tap 640 300")
    m = k.expect(r"kiosk: screen intro primary (\S+) (\S+) (\S+) (\S+)")
    k.tap_rect(*m.groups())
    k.expect(r"kiosk: screen game")
    k.expect(r"kiosk: idle for \d+ s: back to the attract loop")
    k.expect(r"kiosk: screen attract")
    assert k.stop() == 0


if __name__ == "__main__":
    session("en", leave_by_pin=True)
    session("zh", leave_by_pin=False)
    idle_reset()
    print("kiosk: all checks passed")
