#!/usr/bin/env bash
# Checks and installs what the notebooks need. Called by the Makefile:
#   scripts/setup.sh jupyter   install Jupyter (nbclient, nbformat, nbconvert, notebook) when missing:
#                              with conda inside a conda environment, else with apt-get as root,
#                              else stop with one message that says what to install
#   scripts/setup.sh java      check Java >= 17 (a JDK, with jshell) and Maven >= 3.6.3; says which
#                              version was found and which is needed
set -euo pipefail
cd "$(dirname "$0")/.."

readonly JAVA_NEEDED=17
readonly MAVEN_NEEDED=3.6.3
readonly APT_JUPYTER="jupyter-notebook jupyter-nbconvert python3-nbclient python3-nbformat"
readonly CONDA_JUPYTER="notebook>=6.4,<7 nbconvert>=6.5,<7 nbclient>=0.7 nbformat>=5"

# "3.8.7" >= "3.6.3" ?
version_at_least() {
    [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

strip_ansi() {
    sed 's/\x1b\[[0-9;]*m//g'
}

conda_command() {
    local c
    for c in "${CONDA_EXE:-}" "$(command -v mamba 2>/dev/null || true)" "$(command -v conda 2>/dev/null || true)"; do
        if [ -n "$c" ] && [ -x "$c" ]; then
            echo "$c"
            return 0
        fi
    done
    return 1
}

ensure_jupyter() {
    local py conda
    if py=$(scripts/jupyter-python --which 2>/dev/null); then
        echo "jupyter: ok ($py)"
        return 0
    fi
    if [ -n "${CONDA_PREFIX:-}" ] && conda=$(conda_command); then
        echo "== installing Jupyter into the conda environment $CONDA_PREFIX"
        # shellcheck disable=SC2086 # the package list is split on purpose
        "$conda" install --yes --prefix "$CONDA_PREFIX" --channel conda-forge $CONDA_JUPYTER
    elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "== installing Jupyter from Debian/Ubuntu packages: $APT_JUPYTER"
        export DEBIAN_FRONTEND=noninteractive
        # shellcheck disable=SC2086
        if ! apt-get install -y -q $APT_JUPYTER; then
            apt-get update -q
            apt-get install -y -q $APT_JUPYTER
        fi
    else
        cat >&2 <<MSG
Jupyter is missing (no Python here has nbclient, nbformat and nbconvert), and it cannot be installed
automatically: no conda environment is active and apt-get needs root. Install it one of these ways, then
run 'make run' again:
  Debian/Ubuntu, as root:  apt-get install $APT_JUPYTER
  conda:                   conda env create -f environment.yml && conda activate gan-java
MSG
        exit 1
    fi
    if ! py=$(scripts/jupyter-python --which); then
        echo "Jupyter was installed but no Python with nbclient, nbformat and nbconvert is found (tried \$CONDA_PREFIX/bin/python, /usr/bin/python3, python3)." >&2
        exit 1
    fi
    echo "jupyter: ok ($py)"
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
    if ! java --list-modules 2>/dev/null | grep -q '^jdk\.jshell@'; then
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
    *)
        echo "usage: scripts/setup.sh jupyter|java" >&2
        exit 2
        ;;
esac
