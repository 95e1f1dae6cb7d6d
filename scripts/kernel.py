"""Installs the Java kernel the notebooks name, with the project's start-up patch, when it is missing or stale.

The kernel is rapaio-jupyter-kernel 3.0.1 (io.github.padreati:rapaio-jupyter-kernel:3.0.1 on Maven
Central). Its own installer writes the kernelspec (kernel.json: display name, env, JVM options); here it
writes into a staging folder under build/kernel/, never into ~/.local:

    mvn dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1 -DoutputDirectory=build/kernel
    java -Duser.home=build/kernel/stage -jar build/kernel/rapaio-jupyter-kernel-3.0.1.jar -i -auto

Then the kernelspec "rapaio-jupyter-kernel" is written into Jupyter's user data folder (jupyter --data-dir,
JUPYTER_DATA_DIR if set; ~/.local/share/jupyter otherwise) with both jars beside its kernel.json and the
installer's argv changed from `java [options] -jar <kernel jar> {connection_file}` to

    java [options] -cp <spec>/gan-kernel-patch.jar:<spec>/rapaio-jupyter-kernel-3.0.1.jar
         org.rapaio.jupyter.kernel.MainApp {connection_file}

The patch jar (built by lib/, `make jar`; sources in lib/src/kernel-patch/) comes first, so its classes
replace the kernel's racy LoopThread and Channels (see its package org.rapaio.jupyter.kernel.ganpatch).

Nothing is done when the kernelspec Jupyter finds starts that class path, both jars exist and the installed
patch jar holds the same classes as lib/target/gan-kernel-patch.jar; otherwise it is (re)installed.

usage: scripts/jupyter-python scripts/kernel.py [--force]
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from jupyter_core.paths import jupyter_data_dir, jupyter_path

KERNEL_NAME = "rapaio-jupyter-kernel"
VERSION = "3.0.1"
ARTIFACT = f"io.github.padreati:rapaio-jupyter-kernel:{VERSION}"
JAR_NAME = f"rapaio-jupyter-kernel-{VERSION}.jar"
MAIN_CLASS = "org.rapaio.jupyter.kernel.MainApp"
PATCH_JAR_NAME = "gan-kernel-patch.jar"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
ROOT = Path(__file__).resolve().parent.parent
DOWNLOAD_DIR = ROOT / "build" / "kernel"
STAGE_DIR = DOWNLOAD_DIR / "stage"
LIB_PATCH_JAR = ROOT / "lib" / "target" / PATCH_JAR_NAME


def find_spec_dir():
    """The kernelspec folder Jupyter uses for KERNEL_NAME (the first in its search path), or None.

    The same lookup as jupyter_client's KernelSpecManager, without its import cost."""
    for kernels in jupyter_path("kernels"):
        spec_dir = Path(kernels) / KERNEL_NAME
        if spec_dir.is_dir():
            return spec_dir
    return None


def jar_digest(jar):
    """SHA-256 over the names and contents of the jar's entries (not the zip bytes, which hold build times)."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(jar) as z:
        for name in sorted(z.namelist()):
            if name.endswith("/") or name == "META-INF/MANIFEST.MF":
                continue
            digest.update(name.encode() + b"\0" + hashlib.sha256(z.read(name)).digest())
    return digest.hexdigest()


def class_path_of(argv):
    """The entries of the `-cp` (or `-classpath`, `--class-path`) argument in argv, or None."""
    for flag in ("-cp", "-classpath", "--class-path"):
        if flag in argv[:-1]:
            return argv[argv.index(flag) + 1].split(os.pathsep)
    return None


def problem_with_installed_kernel():
    """None when the kernelspec is usable and carries the current patch, else what is wrong with it (one line)."""
    spec_dir = find_spec_dir()
    if spec_dir is None:
        return f'kernelspec "{KERNEL_NAME}" not installed'
    kernel_json = Path(spec_dir) / "kernel.json"
    if not kernel_json.is_file():
        return f"{kernel_json} missing"
    try:
        argv = json.loads(kernel_json.read_text(encoding="utf-8"))["argv"]
    except (ValueError, KeyError) as e:
        return f"{kernel_json} unreadable ({e})"
    class_path = class_path_of(argv)
    if class_path is None:
        return f"{kernel_json} starts the kernel without the start-up patch (no -cp {PATCH_JAR_NAME}:{JAR_NAME})"
    names = [Path(p).name for p in class_path]
    if names != [PATCH_JAR_NAME, JAR_NAME]:
        return f"{kernel_json} class path is {':'.join(names)}, the notebooks need {PATCH_JAR_NAME}:{JAR_NAME}"
    if MAIN_CLASS not in argv:
        return f"{kernel_json} does not start {MAIN_CLASS}"
    for jar in map(Path, class_path):
        if not jar.is_file():
            return f"{jar} missing"
    try:
        if jar_digest(class_path[0]) != jar_digest(LIB_PATCH_JAR):
            return f"{class_path[0]} differs from {LIB_PATCH_JAR.relative_to(ROOT)}"
    except (OSError, zipfile.BadZipFile) as e:
        return f"{class_path[0]} unreadable ({e})"
    return None


def fetch_jar():
    jar = DOWNLOAD_DIR / JAR_NAME
    if jar.is_file():
        return jar
    print(f"== kernel: fetching {ARTIFACT} with Maven into {DOWNLOAD_DIR.relative_to(ROOT)}/", flush=True)
    DOWNLOAD_DIR.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(os.environ.get("MVN", "mvn").split() + ["-q", "-B", f"{DEPENDENCY_PLUGIN}:copy",
                          f"-Dartifact={ARTIFACT}", f"-DoutputDirectory={DOWNLOAD_DIR}"],
                          cwd=DOWNLOAD_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout).strip()  # Maven 3.8 prints stray color resets
    if output:
        print(output)
    if done.returncode != 0:
        sys.exit(f"kernel: Maven could not fetch {ARTIFACT} (exit {done.returncode}); see above")
    if not jar.is_file():
        sys.exit(f"kernel: Maven finished but {jar} is missing")
    return jar


def installer_spec(jar):
    """The kernel.json the kernel's own installer writes (run with its user.home in STAGE_DIR), as a dict."""
    print(f"== kernel: running the installer of {JAR_NAME} (java -jar {JAR_NAME} -i -auto, into "
          f"{STAGE_DIR.relative_to(ROOT)}/)", flush=True)
    shutil.rmtree(STAGE_DIR, ignore_errors=True)
    STAGE_DIR.mkdir(parents=True)
    log = DOWNLOAD_DIR / "install.log"
    with open(log, "w", encoding="utf-8") as out:
        done = subprocess.run(["java", f"-Duser.home={STAGE_DIR}", "-jar", str(jar), "-i", "-auto"],
                              stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        sys.stdout.write(log.read_text(encoding="utf-8", errors="replace"))
        sys.exit(f"kernel: installer failed (exit {done.returncode}); its output is above and in {log}")
    written = list(STAGE_DIR.glob(f"**/kernels/{KERNEL_NAME}/kernel.json"))
    if len(written) != 1:
        sys.exit(f"kernel: the installer wrote {len(written)} kernel.json under {STAGE_DIR} (expected 1); see {log}")
    spec = json.loads(written[0].read_text(encoding="utf-8"))
    shutil.rmtree(STAGE_DIR, ignore_errors=True)  # only its kernel.json was needed (the jar is in DOWNLOAD_DIR)
    return spec


def patched_argv(argv, spec_dir):
    """The installer's argv, `java [options] -jar <jar> {connection_file}`, with `-jar <jar>` replaced by the
    patch jar and the kernel jar (both in spec_dir) and the kernel's main class."""
    if "-jar" not in argv[:-1] or argv[-1] != "{connection_file}":
        sys.exit(f"kernel: unexpected argv from the installer of {JAR_NAME}: {argv}")
    at = argv.index("-jar")
    class_path = os.pathsep.join([str(spec_dir / PATCH_JAR_NAME), str(spec_dir / JAR_NAME)])
    return argv[:at] + ["-cp", class_path, MAIN_CLASS] + argv[at + 2:]


def install(jar):
    spec = installer_spec(jar)
    spec_dir = Path(jupyter_data_dir()) / "kernels" / KERNEL_NAME
    print(f"== kernel: writing kernelspec {KERNEL_NAME} with {PATCH_JAR_NAME} into {spec_dir}", flush=True)
    spec["argv"] = patched_argv(spec["argv"], spec_dir)
    spec_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(jar, spec_dir / JAR_NAME)
    shutil.copyfile(LIB_PATCH_JAR, spec_dir / PATCH_JAR_NAME)
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    problem = problem_with_installed_kernel()
    if problem:
        sys.exit(f"kernel: installed in {spec_dir}, but Jupyter still reports: {problem}"
                 f" (another kernelspec earlier in `jupyter kernelspec list`?)")


def main():
    if not LIB_PATCH_JAR.is_file():
        sys.exit(f"kernel: {LIB_PATCH_JAR.relative_to(ROOT)} missing; build the library first (make jar)")
    force = "--force" in sys.argv[1:]
    problem = "reinstall requested (--force)" if force else problem_with_installed_kernel()
    if problem is None:
        print(f"kernel: ok ({KERNEL_NAME} {VERSION} with {PATCH_JAR_NAME} in {find_spec_dir()})")
        return
    print(f"kernel: {problem}")
    install(fetch_jar())
    print(f"kernel: ok ({KERNEL_NAME} {VERSION} with {PATCH_JAR_NAME} installed in {find_spec_dir()})")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
