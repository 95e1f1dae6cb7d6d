#!/usr/bin/env bash
# The Makefile's set-up steps (README.md, Requirements): scripts/setup.sh jupyter | java | bench | browser
#   jupyter  requirements.txt (+ requirements-lock.txt) in .venv/ with pip, again when they change; an active conda
#            environment that has Jupyter (environment.yml) instead
#   java     checks Java >= 17 (a JDK, with jshell) and Maven >= 3.6.3 running on it
#   bench    bench/requirements.txt (PyTorch, NumPy) with pip into that Python, when missing
#   browser  Chromium, a Korean font, Node.js and npm: apt-get install as root when missing, else one line naming them
set -euo pipefail
cd "$(dirname "$0")/.."
readonly VENV=.venv

fail() { echo "$*" >&2; exit 1; }

ensure_jupyter() {
    local key base versions='import jupyterlab, notebook; print("JupyterLab", jupyterlab.__version__, "+ Notebook", notebook.__version__)'
    if [ -n "${CONDA_PREFIX:-}" ] && [ "$(scripts/jupyter-python --which 2>/dev/null)" = "$CONDA_PREFIX/bin/python" ]; then
        echo "jupyter: ok (conda environment $CONDA_PREFIX)"
        return
    fi
    key=$(cat requirements.txt requirements-lock.txt | sha256sum | cut -d' ' -f1)
    if ! [ -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.requirements-key" 2>/dev/null)" != "$key" ]; then
        for base in "${PYTHON:-}" "$(command -v python3 || true)" /usr/bin/python3 ""; do
            [ -n "$base" ] && "$base" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2>/dev/null && break
        done
        [ -n "$base" ] || fail "Jupyter is installed into $VENV/ with pip, which needs a Python >= 3.9 with venv; none found
(tried \$PYTHON, python3 on PATH, /usr/bin/python3). Install one, then run 'make run' again:
  Debian/Ubuntu:  apt-get install python3 python3-venv
  conda:          conda env create -f environment.yml && conda activate gan-java"
        echo "== jupyter: creating $VENV with $base ($("$base" --version 2>&1)) and installing requirements.txt (pip, about a minute)"
        rm -rf "$VENV"          # a half-made environment has no .requirements-key and is made again
        "$base" -m venv "$VENV"
        "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r requirements.txt -c requirements-lock.txt \
            || fail "jupyter: pip could not install requirements.txt into $VENV (see above); run 'make run' again once that is fixed"
        scripts/jupyter-python --which >/dev/null || fail "jupyter: installed, but $VENV/bin/python lacks nbclient, nbformat, nbconvert or jupyter_client"
        echo "$key" > "$VENV/.requirements-key"
    fi
    echo "jupyter: ok ($VENV, $("$VENV/bin/python" -c "$versions"))"
}

ensure_browser() {
    local missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    fc-list 2>/dev/null | grep -i nanum >/dev/null || missing+=(fonts-nanum)   # grep -q would fail the pipe (pipefail)
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    if [ ${#missing[@]} -gt 0 ]; then
        [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || fail "make test needs Chromium, a Korean font and Node.js with npm for its browser checks: as root, apt-get install ${missing[*]}"
        echo "== browser: apt-get install ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q --no-upgrade "${missing[@]}" || { apt-get update -q && apt-get install -y -q --no-upgrade "${missing[@]}"; }
    fi
    echo "browser: ok ($(chromium --version 2>/dev/null | head -n1); Node.js $(node --version))"
}

check_java() {
    local how="Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven; conda: conda env create -f environment.yml"
    local runtime major maven maven_java
    command -v java >/dev/null || fail "Java not found on PATH; need a JDK >= 17 ($how)."
    runtime=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')
    major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}//p')
    [[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge 17 ] || fail "Java ${runtime:-of unknown version} found at $(command -v java); need Java >= 17 ($how)."
    java --list-modules 2>/dev/null | grep '^jdk\.jshell@' >/dev/null \
        || fail "Java $runtime at $(command -v java) is a runtime without jshell; the Java kernel needs a full JDK >= 17 ($how)."
    command -v mvn >/dev/null || fail "Maven (mvn) not found on PATH; need Maven >= 3.6.3 ($how)."
    maven=$(mvn -v 2>&1 | sed 's/\x1b\[[0-9;]*m//g; s/^Apache Maven \([0-9][0-9.]*\).*/\1/p; d' || true)
    maven_java=$(mvn -v 2>&1 | sed -n 's/^Java version: \([^,]*\),.*/\1/p' || true)
    [ -n "$maven" ] && [ "$(printf '%s\n' 3.6.3 "$maven" | sort -V | head -n1)" = 3.6.3 ] \
        || fail "Maven ${maven:-of unknown version} found at $(command -v mvn); need Maven >= 3.6.3 ($how)."
    [[ "${maven_java%%.*}" =~ ^[0-9]+$ ]] && [ "${maven_java%%.*}" -ge 17 ] \
        || fail "Maven $maven runs on Java ${maven_java:-of unknown version}; need Java >= 17 for Maven too (set JAVA_HOME to a JDK 17, e.g. /usr/lib/jvm/java-17-openjdk-amd64)."
    echo "java: ok (Java $runtime, need >= 17; Maven $maven on Java $maven_java, need >= 3.6.3)"
}

# make bench's PyTorch peer (bench/requirements.txt), in the Python that scripts/jupyter-python runs.
ensure_bench() {
    local py
    py=$(scripts/jupyter-python --which)
    if ! "$py" -m pip install --disable-pip-version-check --no-index --dry-run -q -r bench/requirements.txt >/dev/null 2>&1; then
        echo "== bench: pip install -r bench/requirements.txt into $py (torch is about 200 MB)"
        "$py" -m pip install --disable-pip-version-check -q -r bench/requirements.txt \
            || fail "bench: pip could not install bench/requirements.txt into $py (see above); run 'make bench' again once that is fixed"
    fi
    echo "bench: ok ($py: $("$py" -c 'import torch, numpy; print("torch", torch.__version__, "+ NumPy", numpy.__version__)'))"
}

case "${1:-}" in
    jupyter) ensure_jupyter ;;
    java) check_java ;;
    browser) ensure_browser ;;
    bench) ensure_bench ;;
    *) fail "usage: scripts/setup.sh jupyter|java|browser|bench" ;;
esac
