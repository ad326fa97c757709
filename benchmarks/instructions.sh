#!/usr/bin/env bash
# Instructions per 400-word Arabic bench article, counted by valgrind (callgrind): unlike
# seconds, the same on a busy or an idle machine, so a change of 1-2% can be seen.
#   bash benchmarks/instructions.sh        (about two minutes; needs valgrind)
# It counts a run over 40 articles and a run over none (both after the same warm-up) and
# prints the difference / 40. Address randomisation is off and the code is compiled to .pyc
# first, so repeated runs agree within about 1%.
set -eu
cd "$(dirname "$0")/.."
py=.venv/bin/python
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 1; }
export RASD_CACHE=off PYTHONHASHSEED=0
"$py" benchmarks/instructions_run.py 0  # compile the modules to .pyc before counting
count() {
  setarch -R valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$py" benchmarks/instructions_run.py "$1" 2>&1 | grep -o "Collected : [0-9]*" | grep -o "[0-9]*$"
}
none=$(count 0)
forty=$(count 40)
echo "instructions per article: $(( (forty - none) / 40 ))"
