"""Installs the Java kernel the notebooks name, when it is missing or broken.

The kernel is rapaio-jupyter-kernel 3.0.1 (io.github.padreati:rapaio-jupyter-kernel:3.0.1 on Maven
Central), installed with its own installer at user level as kernelspec "rapaio-jupyter-kernel":

    mvn dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1 -DoutputDirectory=build/kernel
    java -jar build/kernel/rapaio-jupyter-kernel-3.0.1.jar -i -auto

which writes ~/.local/share/jupyter/kernels/rapaio-jupyter-kernel/{kernel.json, the jar}. Nothing is
done when Jupyter finds that kernelspec, its kernel.json and the 3.0.1 jar it starts.

usage: scripts/jupyter-python scripts/kernel.py [--force]
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from jupyter_core.paths import jupyter_path

KERNEL_NAME = "rapaio-jupyter-kernel"
VERSION = "3.0.1"
ARTIFACT = f"io.github.padreati:rapaio-jupyter-kernel:{VERSION}"
JAR_NAME = f"rapaio-jupyter-kernel-{VERSION}.jar"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
ROOT = Path(__file__).resolve().parent.parent
DOWNLOAD_DIR = ROOT / "build" / "kernel"


def find_spec_dir():
    """The kernelspec folder Jupyter uses for KERNEL_NAME (the first in its search path), or None.

    The same lookup as jupyter_client's KernelSpecManager, without its import cost."""
    for kernels in jupyter_path("kernels"):
        spec_dir = Path(kernels) / KERNEL_NAME
        if spec_dir.is_dir():
            return spec_dir
    return None


def problem_with_installed_kernel():
    """None when the kernelspec is usable, else what is wrong with it (one line)."""
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
    jars = [a for a in argv if a.endswith(".jar")]
    if not jars:
        return f"{kernel_json} starts no jar"
    jar = Path(jars[0])
    if jar.name != JAR_NAME:
        return f"{kernel_json} starts {jar.name}, the notebooks need {JAR_NAME}"
    if not jar.is_file():
        return f"{jar} missing"
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


def install(jar):
    print(f"== kernel: installing {JAR_NAME} as kernelspec {KERNEL_NAME} (java -jar {JAR_NAME} -i -auto)", flush=True)
    # The installer writes under the JVM's user.home, which Java takes from the password database, not
    # from $HOME; pass $HOME so the kernelspec lands where Jupyter (which reads $HOME) looks for it.
    log = DOWNLOAD_DIR / "install.log"
    with open(log, "w", encoding="utf-8") as out:
        done = subprocess.run(["java", f"-Duser.home={Path.home()}", "-jar", str(jar), "-i", "-auto"],
                              stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        sys.stdout.write(log.read_text(encoding="utf-8", errors="replace"))
        sys.exit(f"kernel: installer failed (exit {done.returncode}); its output is above and in {log}")
    problem = problem_with_installed_kernel()
    installed = Path.home() / ".local" / "share" / "jupyter" / "kernels" / KERNEL_NAME
    if problem and (installed / "kernel.json").is_file():
        # Jupyter looks elsewhere (JUPYTER_DATA_DIR or JUPYTER_PATH set): copy the spec where it looks.
        from jupyter_client.kernelspec import KernelSpecManager
        KernelSpecManager().install_kernel_spec(str(installed), KERNEL_NAME, user=True, replace=True)
        problem = problem_with_installed_kernel()
    if problem:
        sys.exit(f"kernel: installed, but Jupyter still reports: {problem}")


def main():
    force = "--force" in sys.argv[1:]
    problem = "reinstall requested (--force)" if force else problem_with_installed_kernel()
    if problem is None:
        print(f"kernel: ok ({KERNEL_NAME} {VERSION} in {find_spec_dir()})")
        return
    print(f"kernel: {problem}")
    install(fetch_jar())
    print(f"kernel: ok ({KERNEL_NAME} {VERSION} installed in {find_spec_dir()})")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
