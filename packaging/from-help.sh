#!/bin/sh
# Writes greatleap's manual page or its bash completion from the game's own
# --help (every option, its value and its description) and --version (the
# licence), so that neither can miss an option. The build runs it
# (CMakeLists.txt); the man page's date is SOURCE_DATE_EPOCH's when it is set,
# so that a package build is reproducible.
# Usage: from-help.sh man|bash GREATLEAP OUT
set -eu
what=$1
exe=$2
out=$3
help=$("$exe" --help)
version=$("$exe" --version)

# One line per option: name, value (or nothing) and description, tab-separated.
options() {
    printf '%s\n' "$help" | awk '/^  --/ {
        name = $1
        rest = substr($0, index($0, name) + length(name))
        value = ""
        # A value is one word one space after the name; the description
        # comes after the padding.
        if (rest ~ /^ [^ ]/) {
            value = substr(rest, 2)
            sub(/ .*/, "", value)
            rest = substr(rest, length(value) + 2)
        }
        sub(/^ +/, "", rest)
        printf "%s\t%s\t%s\n", name, value, rest
    }'
}

# roff: a backslash is \e; the dashes of options are minus signs (\-), other
# dashes stay hyphens; a line must not start with a dot or a quote.
esc='function esc(s,    out, word) {
    gsub(/\\/, "\\e", s)
    gsub(/—/, "\\(em", s)
    gsub(/–/, "\\(en", s)
    gsub(/`/, "\\(ga", s)
    out = ""
    while (match(s, /(^|[ (\047])-[-a-z0-9]*/)) {
        word = substr(s, RSTART, RLENGTH)
        gsub(/-/, "\\-", word)
        out = out substr(s, 1, RSTART - 1) word
        s = substr(s, RSTART + RLENGTH)
    }
    s = out s
    if (s ~ /^[.\047]/)
        s = "\\&" s
    return s
}'
roff() { awk "$esc"'{ print esc($0) }'; }

case $what in
man)
    date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)
    # The first line of --help: "Great Leap VERSION — what it is."
    first=$(printf '%s\n' "$help" | head -n 1)
    {
        printf '%s\n' '.\" Generated from greatleap --help and --version by packaging/from-help.sh.'
        printf '.TH GREATLEAP 6 "%s" "greatleap %s" "Games"\n' "$date" \
            "$(printf '%s\n' "$version" | awk 'NR == 1 { print $2 }')"
        printf '%s\n' '.SH NAME'
        printf '%s\n' "$first" | sed 's/^[^—]*— *//; s/\.$//; s/^/greatleap - /' | roff
        printf '%s\n' '.SH SYNOPSIS'
        printf '%s\n' '.B greatleap'
        printf '%s\n' '[\fIOPTION\fR]...'
        printf '%s\n' '.SH DESCRIPTION'
        printf '%s\n' "$first" | roff
        printf '%s\n' '.SH OPTIONS'
        options | awk -F '\t' "$esc"'{
            print ".TP"
            print "\\fB" esc($1) "\\fR" ($2 == "" ? "" : " \\fI" esc($2) "\\fR")
            print esc($3)
        }'
        printf '%s\n' '.SH EXIT STATUS'
        printf '%s\n' "$help" | sed -n 's/^Exit status: //p' | roff
        printf '%s\n' '.SH EXAMPLE'
        printf '%s\n' '.nf'
        printf '%s\n' "$help" | sed -n 's/^Example: //p' | roff
        printf '%s\n' '.fi'
        printf '%s\n' '.SH COPYRIGHT'
        printf '%s\n' "$version" | tail -n +2 | roff
    } >"$out.tmp"
    ;;
bash)
    # What each option's value completes to: folders, files, the words the
    # value or its description lists, or nothing (a number, a month, a size).
    options | awk -F '\t' '
    # The words a description lists: "a, b or c." or "a: ...; b: ...; or ...",
    # after "For --x: " or "With --x: " and anything in parentheses.
    function listed(d,    words, n, i, parts, w) {
        gsub(/ *\([^)]*\)/, "", d)
        sub(/^(For|With) --[a-z-]+: /, "", d)
        if (match(d, /^[a-z][a-z_-]*(, [a-z][a-z_-]*)* or [a-z][a-z_-]*[.:]/)) {
            words = substr(d, 1, RLENGTH - 1)
            gsub(/,/, "", words)
            gsub(/ or /, " ", words)
            return words
        }
        n = split(d, parts, /; */)
        words = ""
        for (i = 1; i <= n; i++)
            if (match(parts[i], /^[a-z][a-z_-]*:/))
                words = words (words ? " " : "") substr(parts[i], 1, RLENGTH - 1)
        return split(words, w, " ") >= 2 ? words : ""
    }
    function add(list, name) { return list (list ? "|" : "") name }
    function reply(pattern, generators) {
        cases = cases "    " pattern ")\n"
        if (generators ~ /compgen -[df]/)
            cases = cases "        compopt -o filenames\n"
        cases = cases "        mapfile -t COMPREPLY < <(" generators ")\n        return ;;\n"
    }
    {
        all = all (all ? " " : "") $1
        if ($2 == "")
            next
        if ($2 ~ /\.\.\.$/) {
            many = add(many, $1)
            many_names = many_names (many_names ? " or " : "") $1
        }
        if ($2 ~ /^DIR/)
            dirs = add(dirs, $1)
        else if ($2 == "FILE" || $2 == "PATH")
            files = add(files, $1)
        else if ($2 ~ /\|/) {
            words = $2
            gsub(/\|/, " ", words)
            reply($1, "compgen -W \"" words "\" -- \"$cur\"")
        } else if ((words = listed($3)) != "")
            reply($1, "compgen -W \"" words "\" -- \"$cur\"" ($3 ~ /file/ ? "; compgen -f -- \"$cur\"" : ""))
        else
            none = add(none, $1)
    }
    END {
        print "# bash completion for greatleap(6), generated from greatleap --help by"
        print "# packaging/from-help.sh."
        print "_greatleap()"
        print "{"
        print "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} i"
        print "    COMPREPLY=()"
        print "    case $prev in"
        saved = cases
        cases = ""
        if (dirs != "")
            reply(dirs, "compgen -d -- \"$cur\"")
        if (files != "")
            reply(files, "compgen -f -- \"$cur\"")
        printf "%s%s", cases, saved
        if (none != "")
            print "    " none ") return ;; # a number, a month, a size or an id"
        print "    esac"
        if (many != "") {
            print "    # Every word after " many_names " up to the next option is a folder."
            print "    if [[ $cur != -* ]]; then"
            print "        for ((i = COMP_CWORD - 1; i > 0; i--)); do"
            print "            case ${COMP_WORDS[i]} in"
            print "            " many ")"
            print "                compopt -o filenames"
            print "                mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")"
            print "                return ;;"
            print "            -*) break ;;"
            print "            esac"
            print "        done"
            print "    fi"
        }
        print "    mapfile -t COMPREPLY < <(compgen -W \"" all "\" -- \"$cur\")"
        print "}"
        print "complete -F _greatleap greatleap"
    }' >"$out.tmp"
    ;;
*)
    echo "usage: from-help.sh man|bash GREATLEAP OUT" >&2
    exit 2
    ;;
esac
mv "$out.tmp" "$out"
