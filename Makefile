# GAN in Java: the two commands (README.md explains them).
#   make run        install what is missing, build the library, execute every notebook into build/book/
#   make test       unit tests, then every notebook on a fresh kernel, then checks; ends "N passed, N failed"
#   make notebook   JupyterLab on 127.0.0.1, opened at notebooks/, with the Java kernel ready (make classic: Notebook 7)
#   make bench      the lecture's examples, library vs PyTorch (bench/run.py; ~20 min; bench-quick ~2 min)
# Smaller steps: make jupyter | java | jar | kernel | browser | strip | clean

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := run

PY      := scripts/jupyter-python
JAR     := lib/target/gan.jar
MVN     ?= mvn
export MVN
# The library (and the kernel patch, lib/target/gan-kernel-patch.jar) is rebuilt only when its pom or a file
# (or folder) under lib/src/main or lib/src/kernel-patch changed, or when lib/target/deps/, kernel/ or webjars/
# (lib/pom.xml copies them) was deleted.
LIB_INPUTS := lib/pom.xml $(shell find lib/src/main lib/src/kernel-patch 2>/dev/null)
ifeq ($(and $(wildcard lib/target/deps/*.jar),$(wildcard lib/target/kernel/*.jar),$(wildcard lib/target/webjars/META-INF)),)
LIB_INPUTS += FORCE
endif

.PHONY: run test notebook classic bench bench-quick bench-env jupyter java jar kernel browser strip clean help FORCE

run: jupyter java jar kernel
	@$(PY) scripts/book.py run

test: browser jupyter java jar kernel build/npm/.installed
	@$(PY) scripts/test.py

# playwright-core for the browser checks (scripts/browser_check.mjs; never a browser: they drive /usr/bin/chromium),
# installed with npm ci from scripts/npm/ into build/npm/, again when the lock file changes
build/npm/.installed: scripts/npm/package-lock.json scripts/npm/package.json | browser
	@echo "== npm ci: playwright-core into build/npm/"
	@rm -rf build/npm && mkdir -p build/npm && cp scripts/npm/package.json scripts/npm/package-lock.json build/npm/
	@cd build/npm && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# JupyterLab (make notebook) or Notebook 7 (make classic) on 127.0.0.1 with a token, at notebooks/
JUPYTER_FLAGS = --ip=127.0.0.1 --ServerApp.root_dir=notebooks \
	    $(if $(filter 0,$(shell id -u)),--allow-root) \
	    $(if $(DISPLAY)$(WAYLAND_DISPLAY),,--no-browser)

notebook: jupyter java jar kernel
	@echo "== JupyterLab on 127.0.0.1 at notebooks/ (stop with Ctrl-C)"
	@$(PY) -m jupyterlab $(JUPYTER_FLAGS)

classic: jupyter java jar kernel
	@echo "== Notebook 7 on 127.0.0.1 at notebooks/ (stop with Ctrl-C)"
	@$(PY) -m notebook $(JUPYTER_FLAGS)

# REPS=N repetitions of every run (medians are reported); see bench/run.py. PyTorch 2.13 (bench/requirements.txt)
# is installed into the project's Python (.venv/ or the conda environment) by scripts/setup.sh bench.
REPS ?= 3
bench: java jar bench-env
	@$(PY) bench/run.py --reps $(REPS)

bench-quick: java jar bench-env
	@$(PY) bench/run.py --quick --reps $(REPS)

bench-env: jupyter
	@scripts/setup.sh bench

jupyter:
	@scripts/setup.sh jupyter

java:
	@scripts/setup.sh java

browser:
	@scripts/setup.sh browser

jar: $(JAR)

$(JAR): $(LIB_INPUTS) | java
	@echo "== lib: mvn package -> lib/target/gan.jar + deps/ (what gan.jar needs), kernel/, webjars/ (the book's assets)"
	@cd lib && $(MVN) -q -B -DskipTests package 2>&1 | sed 's/\x1b\[[0-9;]*m//g'   # Maven 3.8 prints stray color resets
	@touch $@

kernel: | java jupyter jar
	@$(PY) scripts/kernel.py

strip: jupyter
	@$(PY) scripts/book.py strip

clean:
	rm -rf build lib/target

help:
	@sed -n '2,6p' Makefile

FORCE:
