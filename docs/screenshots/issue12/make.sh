#!/bin/sh
# Makes the screenshots of docs/screenshots/issue12 with the game's own
# scripted input (docs/input-script.md), at 1280x720 unless said otherwise.
# Usage: make.sh GREATLEAP   (from the repository's top)
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # name size lang script
    mkdir -p "$work/$1"
    printf '%s\n' "$4" >"$work/$1/s.txt"
    (cd "$here" && XDG_CONFIG_HOME="$work/$1/c" XDG_DATA_HOME="$work/$1/d" SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
        "$bin" --input-script "$work/$1/s.txt" --size "$2" --lang "$3" --no-user-mods >/dev/null)
}
# 4: the first game: the guide over the reported harvests, and the controls.
run guide 1280x720 en "press ui.new_historical
press ui.begin
move 8 8
screenshot 4-guide-what-the-centre-sees.png
press ui.guide_next
press ui.guide_next
press ui.guide_begin
key f1
move 8 8
screenshot 4-controls-over-the-first-card.png"
# 3: one card for an event in seven provinces, beside them; then province by province.
run cards 1280x720 en "press ui.new_free
press ui.begin
key space
play-until 1960-07 default
expect-card dams_give_way
move 8 8
screenshot 3-one-card-seven-provinces.png
press ui.card_by_province
move 8 8
screenshot 3-province-by-province.png"
# 3, 6, 9: a month's notices (history decides the provinces' events), clear of the labels; in Chinese.
run notices 1280x720 zh "press ui.new_historical
press ui.begin
key space
play-until 1959-12 history
answer-all history
key space
move 8 8
screenshot 3-6-9-notices-zh.png"
# 5: the policy board at the edge of Mao's trust, and the purge.
run standing 1280x720 en "press ui.new_free
press ui.begin
key space
play-until 1958-05 moderate
answer-all moderate
key p
scroll-to Enact Verified harvests
press Enact Verified harvests
scroll-to Enact Household production quotas
press Enact Household production quotas
scroll-to Enact Open the state granaries
press Enact Open the state granaries
scroll-to Enact Private plots restored
press Enact Private plots restored
scroll-to Enact Smaller communes
press Enact Smaller communes
scroll-to Out of reach*
move 8 8
screenshot 5-board-out-of-reach.png
key escape
play-until 1963-01 moderate
move 8 8
screenshot 5-purged-reckoning.png"
# 9: the ledger, reported and real, with a month's values under the pointer.
run ledger 1280x720 en "press ui.new_historical
press ui.begin
key space
play-until 1961-06 history
answer-all history
key l
move 700 300
screenshot 9-ledger-reported-and-real.png"
# 7: the top bar at 150 %: every figure, on a second line.
run bar 1280x720 zh "press ui.settings
press 150%
key escape
press ui.new_historical
press ui.begin
key space
play-until 1960-02 history
answer-all history
move 8 8
screenshot 7-top-bar-150-zh.png"
echo "screenshots written to $here"
