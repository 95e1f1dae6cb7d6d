#!/usr/bin/env bash
# Checks and installs what the notebooks need. Called by the Makefile:
#   scripts/setup.sh jupyter   Jupyter (JupyterLab, Notebook 7, nbclient, nbconvert, nbformat) in a virtual
#                              environment inside the repository, .venv/, from requirements.txt (pinned) and
#                              requirements-lock.txt; created or updated only when those files changed.
#                              Needs a Python >= 3.9 with venv; no root. Inside an active conda environment that
#                              has Jupyter (environment.yml), that environment is used instead.
#   scripts/setup.sh java      check Java >= 17 (a JDK, with jshell) and Maven >= 3.6.3; says which
#                              version was found and which is needed
#   scripts/setup.sh bench     PyTorch 2.13 (CPU) and NumPy for make bench's peer (bench/torch_gan.py), from
#                              bench/requirements.txt with pip into the same Python as Jupyter (after 'jupyter');
#                              installed only when the pinned versions are not there
#   scripts/setup.sh browser   Chromium, a Korean font, Node.js and npm for the browser tests (make test): installed with
#                              apt-get as root when missing, else one line naming the packages
set -euo pipefail
cd "$(dirname "$0")/.."

readonly JAVA_NEEDED=17
readonly MAVEN_NEEDED=3.6.3
readonly PYTHON_NEEDED=3.9
readonly VENV=.venv

# "3.8.7" >= "3.6.3" ?
version_at_least() {
    [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

strip_ansi() {
    sed 's/\x1b\[[0-9;]*m//g'
}

# The requirements' fingerprint: the venv is rebuilt when it changes.
requirements_key() {
    cat requirements.txt requirements-lock.txt | sha256sum | cut -d' ' -f1
}

# A Python >= 3.9 that can make a virtual environment (venv and ensurepip), or nothing.
base_python() {
    local c
    for c in "${PYTHON:-}" "$(command -v python3 2>/dev/null || true)" /usr/bin/python3; do
        if [ -n "$c" ] && [ -x "$c" ] && "$c" -c "import sys, venv, ensurepip
sys.exit(0 if sys.version_info >= (${PYTHON_NEEDED/./, }) else 1)" 2>/dev/null; then
            echo "$c"
            return 0
        fi
    done
    return 1
}

ensure_jupyter() {
    local py base key
    if [ -n "${CONDA_PREFIX:-}" ] && py=$(scripts/jupyter-python --which 2>/dev/null) && [ "$py" = "$CONDA_PREFIX/bin/python" ]; then
        echo "jupyter: ok (conda environment $CONDA_PREFIX)"
        return 0
    fi
    key=$(requirements_key)
    if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.requirements-key" 2>/dev/null)" = "$key" ]; then
        echo "jupyter: ok ($VENV, $("$VENV/bin/python" -c 'import jupyterlab, notebook; print("JupyterLab", jupyterlab.__version__, "+ Notebook", notebook.__version__)'))"
        return 0
    fi
    if ! base=$(base_python); then
        cat >&2 <<MSG
Jupyter is installed into $VENV/ with pip, which needs a Python >= $PYTHON_NEEDED with venv; none found
(tried \$PYTHON, python3 on PATH, /usr/bin/python3). Install one, then run 'make run' again:
  Debian/Ubuntu:  apt-get install python3 python3-venv
  conda:          conda env create -f environment.yml && conda activate gan-java
MSG
        exit 1
    fi
    echo "== jupyter: creating $VENV with $base ($("$base" --version 2>&1)) and installing requirements.txt (pip, about a minute)"
    rm -rf "$VENV"          # a half-made environment has no .requirements-key and is made again
    "$base" -m venv "$VENV"
    if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r requirements.txt -c requirements-lock.txt; then
        echo "jupyter: pip could not install requirements.txt into $VENV (see above); run 'make run' again once that is fixed" >&2
        exit 1
    fi
    if ! py=$(scripts/jupyter-python --which); then
        echo "jupyter: installed, but $VENV/bin/python lacks nbclient, nbformat, nbconvert or jupyter_client" >&2
        exit 1
    fi
    echo "$key" > "$VENV/.requirements-key"
    echo "jupyter: ok ($VENV, $("$VENV/bin/python" -c 'import jupyterlab, notebook; print("JupyterLab", jupyterlab.__version__, "+ Notebook", notebook.__version__)'))"
}

# Chromium (and a Korean font for the screenshots) for make test's browser checks, and Node.js with npm,
# which install and run playwright-core to drive that Chromium in JupyterLab and Notebook 7.
ensure_browser() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    # grep reads all of fc-list's output: with pipefail, grep -q would end the pipe early and fail it
    fc-list 2>/dev/null | grep -i nanum >/dev/null || missing+=(fonts-nanum)
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if [ ${#missing[@]} -eq 0 ]; then
        echo "browser: ok ($(chromium --version 2>/dev/null | head -n1); Node.js $(node --version))"
        return 0
    fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "== browser: apt-get install ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        if ! apt-get install -y -q --no-upgrade "${missing[@]}"; then
            apt-get update -q
            apt-get install -y -q --no-upgrade "${missing[@]}"
        fi
        echo "browser: ok ($(chromium --version 2>/dev/null | head -n1); Node.js $(node --version))"
        return 0
    fi
    echo "make test needs Chromium, a Korean font and Node.js with npm for its browser checks: as root, apt-get install ${missing[*]}" >&2
    exit 1
}

# make bench's PyTorch peer, in the Python that scripts/jupyter-python runs (.venv/ or the conda environment).
ensure_bench() {
    local py check
    py=$(scripts/jupyter-python --which)
    # every "name==version" of bench/requirements.txt installed? (torch's "2.13.0+cpu" counts as 2.13.0)
    check='import importlib.metadata as m, sys
bad = []
for line in open("bench/requirements.txt"):
    want = line.split("#")[0].strip().split("==")
    if len(want) != 2:
        continue
    try:
        got = m.version(want[0]).split("+")[0]
    except m.PackageNotFoundError:
        got = "missing"
    if got != want[1]:
        bad.append(want[0] + " " + got + " (need " + want[1] + ")")
print("; ".join(bad))
sys.exit(1 if bad else 0)'
    if "$py" -c "$check" >/dev/null 2>&1; then
        echo "bench: ok ($py: $("$py" -c 'import torch, numpy; print("torch", torch.__version__, "+ NumPy", numpy.__version__)'))"
        return 0
    fi
    echo "== bench: pip install -r bench/requirements.txt into $py ($("$py" -c "$check" 2>&1 | tail -n1); torch is about 200 MB)"
    if ! "$py" -m pip install --disable-pip-version-check -q -r bench/requirements.txt; then
        echo "bench: pip could not install bench/requirements.txt into $py (see above); run 'make bench' again once that is fixed" >&2
        exit 1
    fi
    echo "bench: ok ($py: $("$py" -c 'import torch, numpy; print("torch", torch.__version__, "+ NumPy", numpy.__version__)'))"
}

check_java() {
    local how_java="Debian/Ubuntu: apt-get install openjdk-17-jdk-headless; conda: conda env create -f environment.yml"
    local how_maven="Debian/Ubuntu: apt-get install maven; conda: conda env create -f environment.yml"
    if ! command -v java >/dev/null 2>&1; then
        echo "Java not found on PATH; need a JDK >= $JAVA_NEEDED ($how_java)." >&2
        exit 1
    fi
    local props spec runtime major
    props=$(java -XshowSettings:properties -version 2>&1 || true)
    spec=$(sed -n 's/^ *java\.specification\.version = //p' <<<"$props")
    runtime=$(sed -n 's/^ *java\.runtime\.version = //p' <<<"$props")
    major=${spec#1.}            # "1.8" -> "8", "17" -> "17"
    if ! [[ "$major" =~ ^[0-9]+$ ]] || [ "$major" -lt "$JAVA_NEEDED" ]; then
        echo "Java ${runtime:-of unknown version} found at $(command -v java); need Java >= $JAVA_NEEDED ($how_java)." >&2
        exit 1
    fi
    if ! java --list-modules 2>/dev/null | grep '^jdk\.jshell@' >/dev/null; then
        echo "Java $runtime at $(command -v java) is a runtime without jshell; the Java kernel needs a full JDK >= $JAVA_NEEDED ($how_java)." >&2
        exit 1
    fi

    if ! command -v mvn >/dev/null 2>&1; then
        echo "Maven (mvn) not found on PATH; need Maven >= $MAVEN_NEEDED ($how_maven)." >&2
        exit 1
    fi
    local mv maven maven_java
    mv=$(mvn -v 2>&1 | strip_ansi || true)
    maven=$(sed -n 's/^Apache Maven \([0-9][0-9.]*\).*/\1/p' <<<"$mv")
    maven_java=$(sed -n 's/^Java version: \([^,]*\),.*/\1/p' <<<"$mv")
    if [ -z "$maven" ] || ! version_at_least "$maven" "$MAVEN_NEEDED"; then
        echo "Maven ${maven:-of unknown version} found at $(command -v mvn); need Maven >= $MAVEN_NEEDED ($how_maven)." >&2
        exit 1
    fi
    local maven_major=${maven_java%%.*}
    if [ "$maven_major" = 1 ]; then maven_major=$(cut -d. -f2 <<<"$maven_java"); fi
    if ! [[ "$maven_major" =~ ^[0-9]+$ ]] || [ "$maven_major" -lt "$JAVA_NEEDED" ]; then
        echo "Maven $maven runs on Java ${maven_java:-of unknown version}; need Java >= $JAVA_NEEDED for Maven too (set JAVA_HOME to a JDK $JAVA_NEEDED, e.g. /usr/lib/jvm/java-17-openjdk-amd64)." >&2
        exit 1
    fi
    echo "java: ok (Java $runtime, need >= $JAVA_NEEDED; Maven $maven on Java $maven_java, need >= $MAVEN_NEEDED)"
}

case "${1:-}" in
    jupyter) ensure_jupyter ;;
    java) check_java ;;
    browser) ensure_browser ;;
    bench) ensure_bench ;;
    *)
        echo "usage: scripts/setup.sh jupyter|java|browser|bench" >&2
        exit 2
        ;;
esac
