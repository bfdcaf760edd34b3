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
import time
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


def play(name, script, *args, size="1280x720", lang="en", home_dir=None, expect_rc=0, user_mods=False):
    """Runs the game on `script` (a string); returns a Run. Fails the case if
    the exit status is not `expect_rc`."""
    d = home_dir or home(name)
    path = os.path.join(d, name + ".txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(script)
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(d, "config"), XDG_DATA_HOME=os.path.join(d, "data"),
               XDG_STATE_HOME=os.path.join(d, "state"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    own = () if user_mods else ("--no-user-mods",)  # the machine's installed mods: only where a case installs them
    p = subprocess.run([GAME, "--input-script", path, "--size", size, "--lang", lang, *own, *args],
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
key space
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
    bad = play("driver_stopped", "press ui.new_free\npress ui.begin\nkey space\nwait-month\n", expect_rc=1)
    assert re.search(r"driver_stopped.txt:4: time is stopped on game \(overlay none, card \w+", bad.err), bad.err


KEEPER_MOD = {
    "mod.lua": 'return { id = "keeper", name = "Keeper", version = "1.0.0", api_version = 1, languages = { "en", "zh" } }\n',
    # A national card in March 1958 whose options write the mod's storage.
    "events/mark.lua": """return {
  id = "mark",
  when = { date = "1958-02" },
  options = {
    { id = "a", effects = function(s, fx) storage.marks = { s.date, "a" } end },
    { id = "b", effects = function(s, fx) storage.marks = { s.date, "b" } end },
  },
}
""",
    # Says what the storage holds, in August 1958.
    "events/report.lua": """return {
  id = "report",
  when = { date = "1958-08" },
  trigger = function(s)
    print(("marks=%s"):format(table.concat(storage.marks or {}, ",")))
    return false
  end,
  options = { { id = "a" } },
}
""",
    "locale/en.lua": 'return { ["event.mark.title"] = "Mark", ["event.mark.text"] = "Mark.", '
                     '["event.mark.option.a"] = "A", ["event.mark.option.b"] = "B", ["event.report.title"] = "R", '
                     '["event.report.text"] = "R.", ["event.report.option.a"] = "A" }\n',
    "locale/zh.lua": 'return { ["event.mark.title"] = "标记", ["event.mark.text"] = "标记。", '
                     '["event.mark.option.a"] = "甲", ["event.mark.option.b"] = "乙", ["event.report.title"] = "报", '
                     '["event.report.text"] = "报。", ["event.report.option.a"] = "甲" }\n',
}


def write_mod(root, files):
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return root


def cards_after(run, marker):
    """The cards a run logged after the line `echo MARKER`."""
    lines = run.out.splitlines()
    at = lines.index(marker) if marker in lines else len(lines)
    return [line.split()[2:] for line in lines[at:] if line.startswith("card ")]


def case_saves():
    """Saves keep everything: a save made at any moment (cards answered this
    month, cards waiting, policies enacted from the board, a mod's storage,
    the view) loads into that moment, and the run goes on as one never
    saved; a save that needs a missing mod names it."""
    d = home("saves")
    mod = write_mod(os.path.join(d, "keeper"), KEEPER_MOD)
    # One game, saved three times in March 1958: before the month's cards
    # are answered, between two answers, and after a policy is enacted from
    # the board; then it plays on to December 1958.
    whole = play("saves_whole", """\
press ui.new_free
press ui.begin
key space
answer-all default
key 2
key t
play-until 1958-02 default
expect-card mark
key escape
press ui.save
press Slot 1*
answer 2
state
key escape
press ui.save
press Slot 2*
key p
press Enact *
key escape
key escape
press ui.save
press Slot 3*
echo saved
play-until 1958-12 default
state
""", "--mods", mod, home_dir=d)
    s = whole.states()
    assert s[0]["month"] == "1958-02", s
    assert "marks=1958-02,b" in whole.err, "the mod's storage was not written: " + whole.err[-2000:]
    saves = os.path.join(d, "data", "greatleap", "saves")
    blobs = [open(os.path.join(saves, f"slot{i}.save"), "rb").read() for i in (1, 2, 3)]
    body = [b[b.index(b"\nmoment "):] for b in blobs]  # the time of saving aside
    assert body[0] != body[1] and body[1] != body[2], "saves either side of an answer or a policy are the same"
    # Slot 3 loads into the moment: the answer given, the policy queued;
    # the run goes on as the one never saved.
    loaded = play("saves_load3", """\
press ui.load
press Slot 3*
expect-screen game
expect-month 1958-02
state
echo saved
key space
play-until 1958-12 default
state
""", "--mods", mod, home_dir=d)
    ls = loaded.states()
    assert ls[0]["month"] == "1958-02" and "card none" in ls[0]["line"], ls[0]
    assert ls[-1]["hash"] == s[-1]["hash"], f"the loaded run differs from the one never saved: {ls[-1]} {s[-1]}"
    assert cards_after(loaded, "saved") == cards_after(whole, "saved"), (cards_after(loaded, "saved"),
                                                                         cards_after(whole, "saved"))
    assert "marks=1958-02,b" in loaded.err, "the answer given before the save was lost: " + loaded.err[-2000:]
    # Slot 1 asks the card again (it was saved before the answer) and keeps
    # the view: map mode 2, the true figures.
    first = play("saves_load1", """\
press ui.load
press Slot 1*
expect-card mark
state
answer 1
key space
play-until 1958-12 default
state
""", "--mods", mod, home_dir=d)
    fs = first.states()
    assert fs[0]["mode"] == "actual_harvest" and fs[0]["figures"] == "true", fs[0]
    assert "marks=1958-02,a" in first.err, first.err[-2000:]
    assert fs[-1]["hash"] != s[-1]["hash"], "another answer and no policy changed nothing"
    # Slot 2 was saved after the answer, before the policy.
    second = play("saves_load2", "press ui.load\npress Slot 2*\nexpect-card none\nkey space\n"
                  "play-until 1958-12 default\nstate\n", "--mods", mod, home_dir=d)
    assert "marks=1958-02,b" in second.err, second.err[-2000:]
    assert second.states()[-1]["hash"] != s[-1]["hash"], "the policy enacted from the board changed nothing"
    # The same save without its mod is refused, naming the mod and version;
    # the file stays as it was.
    # The same save without its mod names the mod and version and asks
    # whether to load it without; No goes back to the slots, the file stays
    # as it was.
    play("saves_nomod", "press ui.load\npress Slot 3*\nexpect-screen confirm-load\n"
         "expect-error the save needs mod 'keeper' version 1.0.0\nscreenshot ask.png\npress ui.no\nexpect-screen load\n",
         home_dir=d)
    assert png_size(os.path.join(d, "ask.png")) == (1280, 720)
    assert open(os.path.join(saves, "slot3.save"), "rb").read() == blobs[2], "a refused save was changed"
    # Yes loads it without the mod: the moment as saved, the mod's step
    # skipped, the game goes on (no mod to write its storage).
    without = play("saves_without", "press ui.load\npress Slot 3*\npress ui.yes\nexpect-screen game\n"
                   "expect-month 1958-02\nkey space\nplay-until 1958-12 default\nstate\n", home_dir=d)
    assert without.states()[-1]["month"] == "1958-12", without.out
    assert "marks=" not in without.err, without.err[-2000:]
    # The autosave (each January) keeps the mod's version and storage too.
    auto = play("saves_auto", "press ui.new_free\npress ui.begin\nkey space\nanswer-all default\n"
                "play-until 1959-02 default\nstate\n", "--mods", mod, home_dir=d)
    assert auto.states()[-1]["month"] == "1959-02", auto.out
    blob = open(os.path.join(saves, "autosave.save"), "rb").read()
    m = re.search(rb"\nmod keeper 1\.0\.0 0 (\d+)\n", blob)
    assert m and int(m.group(1)) > 0, "the autosave lost the mod's storage: " + repr(blob[:400])
    reloaded = play("saves_auto_load", "press ui.load\npress Autosave*\nexpect-screen game\nexpect-month 1959-01\n",
                    "--mods", mod, home_dir=d)
    assert "error" not in reloaded.err.lower(), reloaded.err[-2000:]
    # A new version of the mod with a migration: the window's load runs it
    # on the autosave's storage, as --load-slot does.
    newer = dict(KEEPER_MOD)
    newer["mod.lua"] = newer["mod.lua"].replace('"1.0.0"', '"1.1.0"')
    newer["migrations/001_upper.lua"] = ("return function(storage)\n"
                                         "  if storage.marks then storage.marks[2] = storage.marks[2]:upper() end\nend\n")
    newer["events/report.lua"] = newer["events/report.lua"].replace('"1958-08"', '"1959-03"')
    mod2 = write_mod(os.path.join(d, "keeper2"), newer)
    migrated = play("saves_migrate", "press ui.load\npress Autosave*\nexpect-screen game\nanswer-all default\nkey space\n"
                    "play-until 1959-05 default\nstate\n", "--mods", mod2, home_dir=d)
    assert "marks=1958-02,A" in migrated.err and "marks=1958-02,a" not in migrated.err, \
        "the migration did not run on a window load: " + migrated.err[-2000:]


def case_error_banner():
    """A script error's banner names the file within its mod's folder, not
    the absolute path (the console keeps that)."""
    d = home("error_banner")
    mod = write_mod(os.path.join(d, "broke"), {
        "mod.lua": 'return { id = "broke", name = "Broke", version = "1.0.0", api_version = 2, languages = { "en", "zh" } }\n',
        "events/bad.lua": 'return {\n  id = "bad",\n  when = { date = "1958-03" },\n'
                          '  trigger = function(s) return s.no_such_field.x end,\n  options = { { id = "a" } },\n}\n',
        "locale/en.lua": 'return { ["event.bad.title"] = "B", ["event.bad.text"] = "B.", ["event.bad.option.a"] = "A" }\n',
        "locale/zh.lua": 'return { ["event.bad.title"] = "乙", ["event.bad.text"] = "乙。", ["event.bad.option.a"] = "甲" }\n',
    })
    run = play("banner", "press ui.new_free\npress ui.begin\nkey space\nanswer-all default\n"
               "play-until 1958-03 default\nexpect-error broke: events/bad.lua:4:\n", "--mods", mod, home_dir=d)
    assert os.path.join(mod, "events", "bad.lua") in run.err, "the full path left stderr too: " + run.err[-1500:]


def case_small_interface():
    """At 200 % (640x360 logical pixels) a script error's banner and the
    console's long lines fit the window: the banner was 720 wide and cut at
    both ends, and the console cut its lines at the window's edge; a long
    command keeps its end in view."""
    d = home("small_interface")
    long = ("a message long enough to need three lines of the banner, and more than one row of the console, "
            "when the interface is at two hundred per cent")
    mod = write_mod(os.path.join(d, "wordy"), {
        "mod.lua": 'return { id = "wordy", name = "Wordy", version = "1.0.0", api_version = 2, languages = { "en", "zh" } }\n',
        "events/wordy.lua": 'return {\n  id = "wordy",\n  when = { date = "1958-03" },\n'
                            f'  trigger = function(s) error("{long}") end,\n  options = {{ {{ id = "a" }} }},\n}}\n',
        "locale/en.lua": 'return { ["event.wordy.title"] = "W", ["event.wordy.text"] = "W.", ["event.wordy.option.a"] = "A" }\n',
        "locale/zh.lua": 'return { ["event.wordy.title"] = "丁", ["event.wordy.text"] = "丁。", ["event.wordy.option.a"] = "甲" }\n',
    })
    for lang in ("en", "zh"):
        shot = os.path.join(d, f"console-{lang}.png")
        play(f"small-{lang}", "press ui.new_free\npress ui.begin\nkey space\nanswer-all default\n"
             "play-until 1958-03 default\nexpect-error two hundred per cent\nexpect-layout\n"
             f"key `\nexpect-console two hundred per cent\nexpect-layout\n"
             # a command longer than the console: its end stays in view
             + "type explain locusts henan, and a command typed on and on \n" * 4
             + f"expect-layout\nscreenshot {shot}\n",
             "--mods", mod, "--ui-scale", "200", home_dir=d, lang=lang)
        assert png_size(shot) == (1280, 720), png_size(shot)


def case_overlays_small():
    """Every window over the game fits a 200 % interface (640x360 logical
    pixels) in both languages: the controls, the menu, save (whose fifth
    slot ran off the window), load, settings and the two questions."""
    for lang, slot in (("en", "Slot 2*"), ("zh", "存档 2*")):
        d = home(f"overlays_small_{lang}")
        play(f"overlays-{lang}", "press ui.new_free\npress ui.begin\nkey space\nanswer-all default\n"
             "play-until 1958-04 default\nanswer-all default\nkey space\n"
             "key f1\nexpect-screen help\nexpect-layout\nkey escape\n"
             "press ui.menu\nexpect-layout\npress ui.save\nexpect-screen save\nexpect-layout\n"
             f"press {slot}\nexpect-screen game\npress ui.menu\npress ui.load\nexpect-screen load\nexpect-layout\n"
             "key escape\nexpect-screen menu\npress ui.settings\nexpect-layout\nkey escape\n"
             "press ui.quit\nexpect-screen confirm-quit\nexpect-layout\nkey escape\n"
             "press ui.menu\npress ui.quit_to_title\nexpect-screen confirm-title\nexpect-layout\n",
             "--ui-scale", "200", home_dir=d, lang=lang)


def case_core_warning():
    """A full table of modifiers is said, not silent: in the modder's console
    and on stderr (the core's warnings had no sink, in any mode)."""
    d = home("core_warning")
    mod = write_mod(os.path.join(d, "crowded"), {
        "mod.lua": 'return { id = "crowded", name = "Crowded", version = "1.0.0", api_version = 2, languages = { "en", "zh" } }\n',
        "events/crowd.lua": 'return {\n  id = "crowd",\n  once = false,\n  when = { date = "1958-02" },\n'
                            '  trigger = function(s) return true end,\n'
                            '  options = { { id = "a", effects = function(s, fx)\n'
                            '    for i = 1, 1500 do fx:modifier{ lever = "zeal_push", add = 0, months = 60 } end\n'
                            '  end } },\n}\n',
        "locale/en.lua": 'return { ["event.crowd.title"] = "C", ["event.crowd.text"] = "C.", ["event.crowd.option.a"] = "A" }\n',
        "locale/zh.lua": 'return { ["event.crowd.title"] = "丙", ["event.crowd.text"] = "丙。", ["event.crowd.option.a"] = "甲" }\n',
    })
    run = play("warning", "press ui.new_free\npress ui.begin\nkey space\nanswer-all default\n"
               "play-until 1958-06 default\n"
               "expect-console warning: 1958-04: 408 modifier(s) not applied, the first from 'event:crowd/a'\n",
               "--mods", mod, home_dir=d)
    assert "greatleap: warning: 1958-04: 408 modifier(s) not applied" in run.err, run.err[-2000:]


def case_scenarios():
    """New game lists every loaded scenario, the base game's and the mods',
    and starts the one chosen; --scenario chooses it beforehand; an unknown
    one is refused naming the loaded ones."""
    here = os.path.dirname(os.path.abspath(__file__))
    no_leap = os.path.join(here, "..", "..", "docs", "examples", "no_leap")
    d = home("scenarios")
    chosen = play("pick", """\
press ui.new_historical
expect-screen scenarios
expect-button 1958: The Great Leap Forward
press 1958 without the Great Leap
press ui.continue
expect-screen intro
press ui.begin
key space
play-until 1958-12 history
state
""", "--mods", no_leap, home_dir=d)
    assert chosen.states()[-1]["month"] == "1958-12", chosen.out
    # history's scenario, in the same mode, takes history's option
    base = play("base", "press ui.new_historical\npress ui.continue\npress ui.begin\nkey space\n"
                "play-until 1958-12 history\nstate\n", "--mods", no_leap, home_dir=d)
    assert base.states()[-1]["hash"] != chosen.states()[-1]["hash"], "the scenario chosen made no difference"
    given = play("given", "press ui.new_historical\nexpect-screen scenarios\npress ui.continue\npress ui.begin\n"
                 "key space\nplay-until 1958-12 history\nstate\n",
                 "--mods", no_leap, "--scenario", "1958_no_leap", home_dir=d)
    assert given.states()[-1]["hash"] == chosen.states()[-1]["hash"], (given.states()[-1], chosen.states()[-1])
    # with the base game alone there is nothing to choose
    play("alone", "press ui.new_free\nexpect-screen intro\n", home_dir=d)
    bad = play("unknown", "quit\n", "--scenario", "nope", home_dir=d, expect_rc=2)
    assert "no scenario 'nope' (the loaded ones: 1958)" in bad.err, bad.err


def case_placeholders():
    """Texts with placeholders: a card's {province} is its province, a
    notice's {amount} and {province} are fx:notify's values, in the
    language shown."""
    d = home("placeholders")
    mod = write_mod(os.path.join(d, "holes"), {
        "mod.lua": 'return { id = "holes", name = "Holes", version = "1.0.0", api_version = 2, languages = { "en", "zh" } }\n',
        "events/send.lua": 'return {\n  id = "send",\n  province = "henan",\n  when = { date = "1958-02" },\n'
                           '  options = { { id = "a", effects = function(s, fx, p) '
                           'fx:notify("holes.note", p.id, { amount = 5000 }) end } },\n}\n',
        "locale/en.lua": 'return { ["event.send.title"] = "Grain for {province}", ["event.send.text"] = "Send it.", '
                         '["event.send.option.a"] = "Send", ["holes.note"] = "{amount} t sent to {province}" }\n',
        "locale/zh.lua": 'return { ["event.send.title"] = "给{province}的粮食", ["event.send.text"] = "送去。", '
                         '["event.send.option.a"] = "送", ["holes.note"] = "向{province}调粮{amount}吨" }\n',
    })
    play("en", "press ui.new_free\npress ui.begin\nkey space\nanswer-all default\nplay-until 1958-02 default\n"
         "expect-card send\nexpect-button Send\nscreenshot card.png\nanswer 1\nwait-month\n"
         "expect-notice 5000 t sent to Henan\n", "--mods", mod, home_dir=d)
    play("zh", "press ui.new_free\npress ui.begin\nkey space\nanswer-all default\nplay-until 1958-02 default\n"
         "expect-card send\nanswer 1\nwait-month\nexpect-notice 向河南调粮5000吨\n", "--mods", mod,
         lang="zh", home_dir=d)


def case_mod_map_mode():
    """A mod's map mode gets key 9 and a button after the eight built-in
    ones; a save keeps it as the view."""
    here = os.path.dirname(os.path.abspath(__file__))
    ex = os.path.join(here, "..", "..", "docs", "examples")
    mods = ("--mods", os.path.join(ex, "relief_watch"), "--mods", os.path.join(ex, "relief_report"))
    d = home("mod_map_mode")
    run = play("keys", "press ui.new_free\npress ui.begin\nkey 9\nstate\nkey 4\nstate\n"
               "press mapmode.relief_watch_food.name\nstate\nscreenshot mode.png\n", *mods, home_dir=d)
    modes = [st["mode"] for st in run.states()]
    assert modes == ["relief_watch_food", "death_rate", "relief_watch_food"], modes


def case_mods_screen():
    """The Mods screen lists every mod with its settings; a setting changed
    there and an installed mod left out are kept in settings.ini (new games
    take the settings: app_game_desc), the mod is left out at the next
    start and listed to be enabled again."""
    here = os.path.dirname(os.path.abspath(__file__))
    d = home("mods_screen")
    installed = os.path.join(d, "data", "greatleap", "mods", "relief_watch")
    shutil.copytree(os.path.join(here, "..", "..", "docs", "examples", "relief_watch"), installed)
    env_args = ("--lang", "en")
    run = play("change", "press ui.mods\nexpect-screen mods\nscreenshot mods.png\n"
               "press +\npress ui.mod_on\nwidgets\nkey escape\nexpect-screen title\n", *env_args, home_dir=d,
               user_mods=True)
    assert png_size(os.path.join(d, "mods.png")) == (1280, 720)
    ini = open(os.path.join(d, "config", "greatleap", "settings.ini"), encoding="utf-8").read()
    assert "mod_setting.relief_watch.alarm_kcal = 1600" in ini, ini
    assert "mods_disabled = relief_watch" in ini, ini
    assert "widget Left out" in run.out or "widget (inactive) Left out" in run.out, run.out
    # the next start leaves it out; the screen still lists it, to be enabled again
    again = play("next", "press ui.mods\nwidgets\npress ui.mod_off\nkey escape\n", home_dir=d, user_mods=True)
    assert "Left out" in again.out, again.out
    ini = open(os.path.join(d, "config", "greatleap", "settings.ini"), encoding="utf-8").read()
    assert "mods_disabled = \n" in ini, ini


def case_old_saves():
    """Saves of every format since the first, through the window's Load: a
    state from an earlier model is refused with the reason and the file
    kept; a save of format 2 loads and plays on."""
    here = os.path.dirname(os.path.abspath(__file__))
    fixtures = os.path.join(here, "..", "app", "saves")
    for name, loads in (("format1.save", False), ("format2-state1.save", False), ("format2-earlier-fit.save", False),
                        ("format2-fit-of-2026-12-05.save", False),
                        ("format2.save", True)):
        d = home("old_" + name.split(".")[0])
        saves = os.path.join(d, "data", "greatleap", "saves")
        os.makedirs(saves)
        original = open(os.path.join(fixtures, name), "rb").read()
        with open(os.path.join(saves, "slot4.save"), "wb") as f:
            f.write(original)
        if loads:
            run = play("load", "press ui.load\npress Slot 4*\nexpect-screen game\nexpect-month 1959-07\nanswer-all history\nkey space\n"
                       "play-until 1959-10 history\nstate\n", home_dir=d)
            assert run.states()[-1]["month"] == "1959-10", run.out
        else:
            play("load", "press ui.load\npress Slot 4*\nexpect-screen load\n"
                 "expect-error whose model of the famine differs\nexpect-error from another model of the famine\n",
                 home_dir=d)
        assert open(os.path.join(saves, "slot4.save"), "rb").read() == original, f"{name} was changed"


def headless(d, *args):
    out = os.path.join(d, "headless")
    p = subprocess.run([GAME, "--headless", "--out", out, "--quiet", "--no-user-mods", *args], capture_output=True,
                       text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    with open(os.path.join(out, "decisions.csv"), encoding="utf-8") as f:
        return [line.rstrip("\n").split(",") for line in f][1:]


def case_cards():
    """One card per decision: a historical game played in the window shows
    at most 40 cards, the ones decisions.csv lists, and plays history
    exactly; an event due in several provinces is one card listing them,
    answered for all or province by province; a repeat takes the last
    answer as a notice; the setting lets history decide."""
    d = home("cards")
    run = play("history", "press ui.new_historical\npress ui.begin\nkey space\nplay-until 1963-01 history\nstate\n",
               home_dir=d)
    cards = run.cards()
    print(f"   a historical game shows {len(cards)} cards", flush=True)
    assert 0 < len(cards) <= 40, f"{len(cards)} cards in a historical game (at most 40)"
    rows = headless(d, "--choices", "historical", "--seed", "1")
    listed = [(r[0], r[1]) for r in rows if r[4] == "card"]
    shown = [(c[1], c[2]) for c in cards]
    assert shown == listed, f"the window's cards are not decisions.csv's:\n{shown}\n{listed}"
    # The player who takes history's option plays the historical run.
    p = subprocess.run([GAME, "--headless", "--out", os.path.join(d, "h2"), "--no-user-mods"], capture_output=True,
                       text=True)
    assert "hash " + run.states()[-1]["hash"] in p.stdout, (p.stdout, run.states()[-1])
    # The free mode asks about provinces: the 1960 dams are one card for
    # seven provinces (decisions.csv of the run of defaults says which).
    free = headless(d, "--choices", "defaults")
    first_dams = next(r for r in free if r[1] == "dams_give_way" and r[4] == "card")
    provinces = first_dams[2].split(";")
    assert len(provinces) >= 2, first_dams
    repeat = next(r for r in free if r[1] == "dams_give_way" and r[4] == "notice")
    run = play("free", f"""\
press ui.new_free
press ui.begin
key space
play-until {first_dams[0]} default
expect-card dams_give_way
screenshot dams.png
press ui.card_by_province
screenshot dams-by-province.png
press event.dams_give_way.option.call_the_engineers
press ui.card_together
answer 1
answer-all default
wait-month
expect-decision dams_give_way {provinces[0]} call_the_engineers
expect-decision dams_give_way {provinces[1]} blame_saboteurs
play-until {repeat[0]} default
expect-notice (as you decided before)
state
""", home_dir=d)
    logged = [c for c in run.cards() if c[2] == "dams_give_way"]
    assert len(logged) == 1 and logged[0][3] == ",".join(provinces), logged
    # History decides, by the setting: no card for the provinces at all.
    run = play("free_history", f"""\
press ui.settings
press ui.provincial_history
key escape
press ui.new_free
press ui.begin
key space
play-until {first_dams[0]} default
expect-notice (history's choice)
state
""", home_dir=home("cards_history"))
    assert not [c for c in run.cards() if c[3] != "-"], "a card about provinces though history decides them"


def case_labels():
    """Every label right in both languages, at once: the notices switch
    with the language; the Play button is true to the clock (Waiting while
    a card holds time, Play when paused, Pause when running, 继续 in
    Chinese); the ledger marks what was reported and what was real."""
    run = play("labels", """\
press ui.new_historical
press ui.begin
key space
expect-card grain_exports
expect-button Waiting
answer-all history
play-until 1959-12 history
answer-all history
expect-button Pause
key space
expect-button Play
expect-notice (history's choice)
key escape
press ui.settings
press 中文
key escape
key escape
expect-notice （历史的选择）
expect-button 继续
key l
expect-button 全国
screenshot ledger-zh.png
""", home_dir=home("labels"))
    assert run.rc == 0


def case_first_game():
    """A first game that teaches: the map first, in a mode whose colours
    differ from province to province; a guided start (what the centre sees,
    the T reveal, the first decision), skippable and never shown again; no
    card before it is done; F1 lists the controls."""
    d = home("first_game")
    run = play("first", """\
press ui.new_historical
press ui.begin
expect-card none
expect-button ui.guide_next
state
screenshot guide-1.png
press ui.guide_next
key t
state
screenshot guide-2.png
press ui.guide_next
expect-card none
press ui.guide_begin
expect-card grain_exports
key f1
expect-screen help
key escape
expect-card grain_exports
""", home_dir=d)
    s = run.states()
    assert s[0]["mode"] == "reported_harvest" and s[0]["figures"] == "reported", s[0]
    assert s[1]["figures"] == "true", "T did not show what really happened"
    settings = open(os.path.join(d, "config", "greatleap", "settings.ini")).read()
    assert "guided_start_seen = 1" in settings, settings
    # The second game: no guide; the cards still wait until the player has
    # seen the map and pressed Play.
    run = play("second", """\
press ui.new_free
press ui.begin
expect-card none
expect-button January 1958. The year's first decisions*
state
key space
expect-card grain_exports
""", home_dir=d)
    assert "guide" not in run.out
    # A guide skipped is never shown again either.
    d2 = home("first_game_skip")
    play("skip", "press ui.new_free\npress ui.begin\npress ui.guide_skip\nexpect-card grain_exports\n", home_dir=d2)
    settings = open(os.path.join(d2, "config", "greatleap", "settings.ini")).read()
    assert "guided_start_seen = 1" in settings, settings


def case_standing():
    """Choices that cost: the board shows the policies in force, those that
    can be enacted and those out of reach, with what each does to the
    standing with Mao; a change waits for next month, is named and can be
    taken back; moderation is paid for, and a centre that loses Mao's trust
    is purged and meets the reckoning."""
    d = home("standing")
    run = play("board", """\
press ui.new_free
press ui.begin
key space
play-until 1958-05 moderate
answer-all moderate
state
key p
scroll-to Enact Verified harvests
press Enact Verified harvests
expect-notice Enacted from next month: Verified harvests
expect-button Take back Verified harvests
press Take back Verified harvests
expect-notice Taken back: Verified harvests
press Enact Verified harvests
key escape
key p
scroll-to Enact Open the state granaries
press Enact Open the state granaries
key escape
key p
scroll-to Enact Private plots restored
press Enact Private plots restored
key escape
key p
scroll-to Enact Household production quotas
press Enact Household production quotas
key escape
key p
scroll-to Enact Smaller communes
press Enact Smaller communes
screenshot board.png
key escape
key p
scroll-to Out of reach*
key escape
wait-month
state
play-until 1963-01 moderate
state
screenshot purged.png
""", home_dir=d)
    s = run.states()
    before, after, end = int(s[0]["standing"]), int(s[1]["standing"]), s[-1]
    assert after < before - 30, f"five moderating policies cost {before - after} standing"
    assert end["purged"] != "-1" and "screen reckoning" in end["line"], end
    assert end["standing"] == "0", end


def case_sounds():
    """Short sounds synthesised by the game: a click, a card's chime, the
    month's notices; silent at volume 0 (a setting), in a kiosk, and with
    no audio device."""
    d = home("sounds")
    run = play("on", """\
press ui.new_free
press ui.begin
key space
answer 1
state
key escape
press ui.settings
press ui.volume_off
key escape
key escape
state
answer 1
answer-all 1
wait-month
state
""", home_dir=d)
    s = run.states()
    assert int(s[0]["sounds"]) >= 2, s[0]  # the clicks and the first card's chime
    assert s[2]["sounds"] == s[1]["sounds"], f"sounds at volume 0: {s[1]['sounds']} then {s[2]['sounds']}"
    settings = open(os.path.join(d, "config", "greatleap", "settings.ini")).read()
    assert "volume = 0" in settings, settings
    # No audio device: the game plays on, silent.
    d2 = home("sounds_none")
    path = os.path.join(d2, "none.txt")
    with open(path, "w") as f:
        f.write("press ui.new_free\npress ui.begin\nkey space\nanswer 1\nstate\n")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(d2, "c"), XDG_DATA_HOME=os.path.join(d2, "d"),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="no-such-driver")
    p = subprocess.run([GAME, "--input-script", path, "--size", "1280x720", "--no-user-mods"], capture_output=True,
                       text=True, env=env, timeout=300)
    assert p.returncode == 0 and " sounds -1 " in p.stdout, p.stdout + p.stderr
    # A kiosk is silent unless its file asks for sound.
    here = os.path.dirname(os.path.abspath(__file__))
    kiosk = play("kiosk", "wait-ms 500\nstate\n", "--kiosk", "--kiosk-config",
                 os.path.join(here, "..", "kiosk", "kiosk-test.ini"), home_dir=home("sounds_kiosk"))
    assert " sounds -1 " in kiosk.out, kiosk.out


def case_sigterm():
    """SIGTERM to the desktop game (systemctl, a session's logout) saves the
    running game in the autosave slot and quits with status 0, without the
    "Are you sure?" question; the autosave loads into the same moment."""
    d = home("sigterm")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(d, "config"), XDG_DATA_HOME=os.path.join(d, "data"),
               XDG_STATE_HOME=os.path.join(d, "state"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    # The script ends waiting three years of its virtual clock (minutes of
    # real time: the clock moves 50 ms a turn of the loop), so the game runs
    # on until it is told to stop.
    script = os.path.join(d, "sigterm.txt")
    with open(script, "w", encoding="utf-8") as f:
        f.write("press ui.new_historical\npress ui.begin\nkey space\nexpect-screen card\nanswer 1\n"
                "state\necho ready\nwait-ms 100000000000\nquit 3\n")
    p = subprocess.Popen([GAME, "--input-script", script, "--size", "1280x720", "--lang", "en", "--no-user-mods"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=d)
    try:
        lines = []
        for line in p.stdout:  # the game runs on until it is told to stop
            lines.append(line)
            if line.startswith("ready"):
                break
        state = [ln for ln in lines if ln.startswith("state ")]
        assert state, "no state line before 'ready': " + "".join(lines)
        p.send_signal(15)
        out, err = p.communicate(timeout=120)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 0, f"exit status {p.returncode} after SIGTERM\n{err[-2000:]}"
    autosave = os.path.join(d, "data", "greatleap", "saves", "autosave.save")
    assert os.path.exists(autosave), "SIGTERM did not write the autosave: " + err[-2000:]
    # The autosave loads, into the moment it was made (the same state line).
    run = play("sigterm_load", "press ui.load\npress Autosave*\nstate\n", home_dir=d)
    def moment(line):  # a loaded game starts paused; sounds count those played since the start
        return re.sub(r" (paused|sounds) \d+", "", line.strip())
    after_line = run.states()[-1]["line"]
    before, after = moment(state[0]), moment(after_line)
    assert before == after, f"the autosave loads another moment:\n{state[0]}\n{after_line}"


def case_sigterm_twice():
    """A second SIGTERM quits at once (issue 16), even when the game cannot
    take the first: here its loop is stalled for a minute (stall-ms), so the
    first is only noted; the second must end the process within seconds,
    with status 128 + 15, and no half-written autosave."""
    d = home("sigterm_twice")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(d, "config"), XDG_DATA_HOME=os.path.join(d, "data"),
               XDG_STATE_HOME=os.path.join(d, "state"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    script = os.path.join(d, "stall.txt")
    with open(script, "w", encoding="utf-8") as f:
        f.write("press ui.new_historical\npress ui.begin\necho ready\nstall-ms 60000\nquit 3\n")
    p = subprocess.Popen([GAME, "--input-script", script, "--size", "1280x720", "--lang", "en", "--no-user-mods"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=d)
    try:
        for line in p.stdout:
            if line.startswith("ready"):
                break
        time.sleep(0.5)  # into the stall
        p.send_signal(15)
        time.sleep(0.2)
        start = time.monotonic()
        p.send_signal(15)
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        took = time.monotonic() - start
    finally:
        if p.poll() is None:
            p.kill()
    assert took < 5, f"the second SIGTERM took {took:.1f} s to end the game (still running after 20 s: killed)"
    assert p.returncode == 128 + 15, f"exit status {p.returncode} after two SIGTERMs (expected 143)"
    saves = os.path.join(d, "data", "greatleap", "saves")
    leftovers = [n for n in os.listdir(saves) if ".tmp" in n] if os.path.isdir(saves) else []
    assert not leftovers, f"half-written saves left: {leftovers}"


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
