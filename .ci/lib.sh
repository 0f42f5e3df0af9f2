# Shell functions shared by .ci/smoke and .ci/smoke-windows (sourced, not
# run): an Xvfb display, the app's window, its chart's colours, File → Quit,
# the clipboard.
# The caller sets `out` (where screenshots and logs go) and, for fail, keeps
# each check's log as $out/NAME.log.
# shellcheck shell=bash

# need_pkgs PKG...: installs the Debian packages that are missing (scripts
# run alone, outside .ci/run, still get what they need).
need_pkgs() {
  local p missing=() sudo=""
  command -v dpkg-query >/dev/null || return 0 # not Debian-like: the caller's tools must be there
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "== installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# reap PID...: stops those processes and collects them, so that nothing is
# left behind, not even a zombie, when a script ends. Never waits forever:
# SIGTERM, up to 10 s for the process to go, then SIGKILL and up to 10 s
# more (a stopped process ignores SIGTERM until it is continued; a process
# in an uninterruptible wait outlives even SIGKILL for a while). One that
# is still there is described (state, kernel wait channel) and left.
reap() {
  local p
  for p in "$@"; do
    [ -n "$p" ] || continue
    kill "$p" 2>/dev/null || true
    if ! gone "$p" 10; then
      echo "ci: process $p did not exit within 10 s of SIGTERM ($(describe "$p")); sending SIGKILL" >&2
      kill -KILL "$p" 2>/dev/null || true
      if ! gone "$p" 10; then
        echo "ci: WARNING: process $p is still there 10 s after SIGKILL ($(describe "$p")); left behind" >&2
        continue
      fi
    fi
    wait "$p" 2>/dev/null || true
  done
}

# gone PID SECONDS: true once PID has exited (a zombie waiting to be
# collected counts as gone), polled every 0.1 s for up to SECONDS.
gone() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    alive "$1" || return 0
    sleep 0.1
  done
  ! alive "$1"
}

# alive PID: the process exists and is not a zombie.
alive() {
  local s=""
  kill -0 "$1" 2>/dev/null || return 1
  [ -r "/proc/$1/stat" ] || return 0 # no /proc here: kill -0 decides
  s=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1 || true)
  [ "$s" != Z ] && [ "$s" != X ]
}

# describe PID: one line on a process that will not go: its state, what
# it waits on in the kernel, how long it has run, its command.
describe() {
  ps -o stat=,wchan:32=,etime=,args= -p "$1" 2>/dev/null | cut -c1-160 || echo "no longer listed"
}

# fail NAME WHAT: the one-line verdict, then the check's log.
# shellcheck disable=SC2154 # out is the caller's
fail() {
  echo "smoke $1: FAILED: $2"
  if [ -f "$out/$1.log" ]; then echo "--- $out/$1.log:"; cat "$out/$1.log"; fi
  exit 1
}

# start_xvfb: an Xvfb screen of 1280x800 on a free display, which Xvfb
# picks itself (-displayfd: no race with other builds' displays) and names
# once it takes connections; sets disp and xpid (the caller's EXIT trap
# reaps $xpid).
start_xvfb() {
  local n=""
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$out/xvfb.display" >"$out/xvfb.log" 2>&1 &
  xpid=$!
  for _ in $(seq 1 150); do # 15 s
    n=$(grep -x '[0-9][0-9]*' "$out/xvfb.display" 2>/dev/null || true)
    [ -z "$n" ] || break
    kill -0 "$xpid" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$out/xvfb.display"
  [ -n "$n" ] || { echo "smoke: FAILED: Xvfb did not start ($out/xvfb.log)"; cat "$out/xvfb.log"; exit 1; }
  disp=":$n"
}

# wait_window NAME PID SECONDS: polls for the visible window "Auto Cities"
# while the process PID lives; sets wid, or fails the check NAME.
wait_window() {
  local name=$1 pid=$2 secs=$3 code
  wid=""
  for _ in $(seq 1 $((secs * 5))); do
    wid=$(DISPLAY=$disp xdotool search --onlyvisible --name '^Auto Cities$' 2>/dev/null | head -1 || true)
    [ -z "$wid" ] || return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" && code=0 || code=$?
      fail "$name" "the app exited (code $code) before its window appeared"
    fi
    sleep 0.2
  done
  fail "$name" "no window within $secs s"
}

# The regions' colours (charts/palette.go), light theme then dark, each
# Chongqing's orange first (charts' TestSmokeKnowsThePalette keeps the
# list in step with the palette).
city_hexes=(E69F00 4B75DB 2E6853 22C7F6 8A6700 AC7191 71A27D 663618 1000E1 614266
  FEBF5A 7D9AFC 57927B 91DEFE B58D30 D294B5 91C39D 986141 7649FD 8E6C93)

# pixels PNG HEX: how many pixels of the screenshot have exactly that colour.
pixels() {
  convert "$1" -format %c histogram:info:- | awk -v hex="#$2" 'toupper($3) == hex {sub(":", "", $1); n = $1} END {print n + 0}'
}

# chart_colours PNG: reads the screenshot once and sets colours (how many
# distinct colours: not blank), orange (Chongqing's pixels), cities (how
# many city colours cover 500+ pixels) and counts ("#HEX:pixels ...").
chart_colours() {
  local hist hex n
  hist=$(convert "$1" -format %c histogram:info:-)
  colours=$(wc -l <<<"$hist")
  cities=0; counts=""; orange=0
  for hex in "${city_hexes[@]}"; do
    n=$(awk -v hex="#$hex" 'toupper($3) == hex {sub(":", "", $1); n = $1} END {print n + 0}' <<<"$hist")
    [ "$hex" != E69F00 ] && [ "$hex" != FEBF5A ] || orange=$((orange + n))
    [ "$n" -lt 500 ] || { cities=$((cities + 1)); counts+=" #$hex:$n"; }
  done
}

# changed A.png B.png: how many pixels differ (beyond 1% fuzz).
changed() {
  compare -metric AE -fuzz 1% "$1" "$2" null: 2>&1 | awk '{printf "%d\n", $1}' || true
}

# settle NAME PNG: screenshots until two in a row are the same (up to
# 10 s), and keeps the last one as PNG: a window still laying itself out
# (its menu bar, its size) is not what a check should look at.
settle() {
  local prev="$out/$1-settle.png"
  DISPLAY=$disp import -window root "$prev"
  for _ in $(seq 1 20); do
    sleep 0.5
    DISPLAY=$disp import -window root "$2"
    [ "$(changed "$prev" "$2")" -gt 0 ] || { rm -f "$prev"; return 0; }
    mv "$2" "$prev"
  done
  mv "$prev" "$2"
  echo "smoke $1: WARNING: the screen never settled; using its last state"
}

# wait_chart NAME PID SECONDS [MIN_CITIES]: screenshots the screen into
# $out/NAME.png until the chart is drawn and the screen has settled: many
# colours, Chongqing's orange on 2000+ pixels and at least MIN_CITIES
# (default 2) cities' colours. The chart renders off the UI goroutine, and
# under Wine the first start is slow: polled, not slept.
wait_chart() {
  local name=$1 pid=$2 secs=$3 min=${4:-2} shot="$out/$1.png" t0=$SECONDS
  chart_ok() { [ "$colours" -ge 50 ] && [ "$orange" -ge 2000 ] && [ "$cities" -ge "$min" ]; }
  while :; do
    kill -0 "$pid" 2>/dev/null || fail "$name" "the app exited before its chart was drawn"
    DISPLAY=$disp import -window root "$shot"
    chart_colours "$shot"
    if chart_ok; then
      settle "$name" "$shot"
      chart_colours "$shot"
      if chart_ok; then break; fi
    fi
    if [ $((SECONDS - t0)) -ge "$secs" ]; then
      echo "smoke $name: $colours colours; city colours (px):$counts; screenshot $shot"
      [ "$colours" -ge 50 ] || fail "$name" "the window looks blank ($colours colours) after $secs s"
      fail "$name" "no chart in the cities' colours after $secs s (Chongqing's orange: $orange px, $cities cities, want $min)"
    fi
    sleep 0.5
  done
  echo "smoke $name: chart after $((SECONDS - t0)) s: $colours colours; city colours (px):$counts"
  echo "smoke $name: screenshot $shot"
}

# quit_menu WID: File → Quit as a user would, wherever the window is: the
# File menu at the window's top left (no window manager here), Up to its
# last item, Quit, Return.
quit_menu() {
  local x y
  read -r x y < <(DISPLAY=$disp xdotool getwindowgeometry --shell "$1" | awk -F= '$1 == "X" {x = $2} $1 == "Y" {y = $2} END {print x, y}')
  DISPLAY=$disp xdotool mousemove $((x + 27)) $((y + 14)) click 1 sleep 0.5 key Up sleep 0.3 key Return
}

# check_log NAME: fails when the app's log has an error. One known error is
# let through, loudly: Fyne can read preferences.json while it is being
# rewritten (fyne-io/fyne#2936), "Preferences load error", "Cause: EOF";
# seen once in ~8 runs when the app saves its recent files at start.
check_log() {
  local log="$out/$1.log" known='Preferences load error:|Cause: EOF|At: .*[/\\]app[/\\]preferences\.go'
  if grep -Ev "$known" "$log" | grep -Eiq 'panic|error|fatal'; then fail "$1" "the app printed an error"; fi
  if grep -Eq "$known" "$log"; then echo "smoke $1: WARNING: Fyne's preferences race (fyne-io/fyne#2936):"; cat "$log"; fi
  return 0
}

# clip TARGET: the clipboard in that format, as a pasting app gets it
# (xclip, on the display $disp).
clip() {
  DISPLAY=$disp timeout 10 xclip -selection clipboard -t "$1" -o
}

# wait_clip NAME WANT [NOT] [SECONDS]: polls (default 10 s) until the
# clipboard's formats (TARGETS) list WANT and not NOT, while the app
# ($apid) runs: the copy is drawn off the UI goroutine.
wait_clip() {
  local targets="" secs=${4:-10}
  for _ in $(seq 1 $((secs * 4))); do
    targets=$(clip TARGETS 2>/dev/null || true)
    if grep -qxF "$2" <<<"$targets" && { [ -z "${3:-}" ] || ! grep -qxF "$3" <<<"$targets"; }; then
      echo "smoke $1: TARGETS: $(tr '\n' ' ' <<<"$targets")"
      return 0
    fi
    # shellcheck disable=SC2154 # apid is the caller's
    kill -0 "$apid" 2>/dev/null || fail "$1" "the app exited after the key"
    sleep 0.25
  done
  fail "$1" "the clipboard's TARGETS do not list $2${3:+ without $3} within $secs s: $(tr '\n' ' ' <<<"$targets")"
}
