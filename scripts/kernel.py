"""`make kernel`: the kernelspec rapaio-jupyter-kernel in Jupyter's data folder (JUPYTER_DATA_DIR, else
~/.local/share/jupyter), installed again when anything below is missing or differs (`--force`: always):

    kernel.json                         java -XX:SharedArchiveFile=<spec>/kernel.jsa
                                             -cp <spec>/gan-kernel-patch.jar:<spec>/rapaio-jupyter-kernel-3.0.1.jar
                                             org.rapaio.jupyter.kernel.MainApp {connection_file}
    rapaio-jupyter-kernel-3.0.1.jar     from Maven Central (io.github.padreati:rapaio-jupyter-kernel:3.0.1)
    gan-kernel-patch.jar                lib/target/gan-kernel-patch.jar (make jar; lib/src/kernel-patch/): first on
                                        the class path, its classes replace the kernel's racy ones
    kernel.jsa                          the classes a start loads (javac, jshell, the kernel), archived by one start
                                        with -XX:ArchiveClassesAtExit: a start then costs about a fifth less CPU

kernel.json's display name and env are those the kernel's own installer (`java -jar … -i -auto`) writes.
"""
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from jupyter_core.paths import jupyter_data_dir, jupyter_path

import book

NAME, VERSION = book.KERNEL_NAME, "3.0.1"
JAR = f"rapaio-jupyter-kernel-{VERSION}.jar"
PATCH = book.LIB_TARGET / "gan-kernel-patch.jar"
SPEC_DIR = Path(jupyter_data_dir()) / "kernels" / NAME


def kernel_json(archive_option):
    return {"argv": ["java", archive_option + str(SPEC_DIR / "kernel.jsa"), "-cp",
                     f"{SPEC_DIR / PATCH.name}:{SPEC_DIR / JAR}", "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
            "display_name": "Java (rjk 3.0.0)", "language": "java", "interrupt_mode": "message",
            "env": {"RJK_CLASSPATH": "", "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1",
                    "RJK_MIMA_CACHE": "mima_cache"}}


def classes_digest(jar):
    """SHA-256 over the jar's entries (names and contents, not the zip bytes, which hold build times)."""
    h = hashlib.sha256()
    with zipfile.ZipFile(jar) as z:
        for name in sorted(n for n in z.namelist() if not n.endswith("/") and n != "META-INF/MANIFEST.MF"):
            h.update(name.encode() + b"\0" + hashlib.sha256(z.read(name)).digest())
    return h.hexdigest()


def problem():
    """None when Jupyter finds this kernelspec as kernel_json() describes it, else what is wrong (one line)."""
    found = next((Path(d) / NAME for d in jupyter_path("kernels") if (Path(d) / NAME).is_dir()), None)
    if found != SPEC_DIR:
        return f"Jupyter finds kernelspec {NAME} in {found}, not in {SPEC_DIR}" if found else f"kernelspec {NAME} not installed"
    try:
        if json.loads((SPEC_DIR / "kernel.json").read_text(encoding="utf-8")) != kernel_json("-XX:SharedArchiveFile="):
            return f"{SPEC_DIR / 'kernel.json'} is not the one this script writes"
        if classes_digest(SPEC_DIR / PATCH.name) != classes_digest(PATCH):
            return f"{SPEC_DIR / PATCH.name} differs from {book.rel(PATCH)}"
        zipfile.ZipFile(SPEC_DIR / JAR).close()
    except (OSError, ValueError, zipfile.BadZipFile) as e:
        return f"{type(e).__name__}: {e}"
    argv = kernel_json("-XX:SharedArchiveFile=")["argv"]
    if subprocess.run(argv[:4] + ["-Xshare:on", "-version"], capture_output=True).returncode != 0:
        return f"{SPEC_DIR / 'kernel.jsa'} missing or not usable by this Java"
    return None


def archive_classes():
    """One start with -XX:ArchiveClassesAtExit: kernel_info, a cell, shutdown; the JVM writes kernel.jsa as it exits."""
    from jupyter_client import KernelManager
    (SPEC_DIR / "kernel.jsa").unlink(missing_ok=True)
    (SPEC_DIR / "kernel.json").write_text(json.dumps(kernel_json("-XX:ArchiveClassesAtExit="), indent=2) + "\n")
    km = KernelManager(kernel_name=NAME, shutdown_wait_time=120)
    with open(book.BUILD / "kernel" / "archive.log", "w") as log:
        km.start_kernel(stdout=log, stderr=subprocess.STDOUT)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            kc.execute_interactive("var xs = java.util.stream.IntStream.range(0, 10).mapToObj(i -> i * 0.5).toList();\n"
                                   "String.format(\"%.1f\", xs.stream().mapToDouble(Double::doubleValue).sum())",
                                   timeout=120, output_hook=lambda msg: None)
        finally:
            kc.stop_channels()
            km.shutdown_kernel()


def main():
    if not PATCH.is_file():
        sys.exit(f"kernel: {book.rel(PATCH)} missing; build the library first (make jar)")
    why = "reinstall requested (--force)" if "--force" in sys.argv[1:] else problem()
    if why is None:
        print(f"kernel: ok ({NAME} {VERSION} with {PATCH.name} in {SPEC_DIR})")
        return
    print(f"kernel: {why}; installing into {SPEC_DIR}", flush=True)
    jar = book.maven_fetch(f"io.github.padreati:rapaio-jupyter-kernel:{VERSION}", book.BUILD / "kernel")
    SPEC_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(jar, SPEC_DIR / JAR)
    shutil.copyfile(PATCH, SPEC_DIR / PATCH.name)
    archive_classes()
    (SPEC_DIR / "kernel.json").write_text(json.dumps(kernel_json("-XX:SharedArchiveFile="), indent=2) + "\n")
    why = problem()
    if why:
        sys.exit(f"kernel: installed, but {why} (see {book.rel(book.BUILD / 'kernel' / 'archive.log')})")
    print(f"kernel: ok ({NAME} {VERSION} with {PATCH.name} and a class-data archive installed in {SPEC_DIR})")


if __name__ == "__main__":
    main()
