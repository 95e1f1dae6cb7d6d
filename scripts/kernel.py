"""`make kernel`: the kernelspec rapaio-jupyter-kernel in Jupyter's data folder (JUPYTER_DATA_DIR, else
~/.local/share/jupyter), installed again when anything is missing or differs (`--force`: always): kernel.json
(java -XX:SharedArchiveFile=kernel.jsa -cp gan-kernel-patch.jar:rapaio-jupyter-kernel-3.0.1.jar ...MainApp), the
kernel's jar (lib/pom.xml copies it into lib/target/kernel/), lib/target/gan-kernel-patch.jar (first on the class
path: its classes replace the kernel's racy ones) and kernel.jsa, the classes a start loads, archived by one start (a start then costs less CPU).
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
PATCH, KERNEL_JAR = book.LIB_TARGET / "gan-kernel-patch.jar", book.LIB_TARGET / "kernel" / JAR
SPEC_DIR = Path(jupyter_data_dir()) / "kernels" / NAME
USE_ARCHIVE, WRITE_ARCHIVE = "-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit="


def kernel_json(archive_option):
    """kernel.json; its display name and env are those the kernel's own installer (`java -jar … -i -auto`) writes."""
    return {"argv": ["java", archive_option + str(SPEC_DIR / "kernel.jsa"), "-cp",
                     f"{SPEC_DIR / PATCH.name}:{SPEC_DIR / JAR}", "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
            "display_name": "Java (rjk 3.0.0)", "language": "java", "interrupt_mode": "message",
            "env": {"RJK_CLASSPATH": "", "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1",
                    "RJK_MIMA_CACHE": "mima_cache"}}


def write_kernel_json(archive_option):
    (SPEC_DIR / "kernel.json").write_text(json.dumps(kernel_json(archive_option), indent=2) + "\n")


def classes_digest(jar):
    """SHA-256 over the jar's entries (names and contents, not the zip bytes, which hold build times)."""
    with zipfile.ZipFile(jar) as z:
        return book.digest(*(n + " " + hashlib.sha256(z.read(n)).hexdigest() for n in sorted(z.namelist())
                             if not n.endswith("/") and n != "META-INF/MANIFEST.MF"))


def problem():
    """None when Jupyter finds this kernelspec as kernel_json() describes it, else what is wrong (one line)."""
    found = next((Path(d) / NAME for d in jupyter_path("kernels") if (Path(d) / NAME).is_dir()), None)
    if found != SPEC_DIR:
        return f"Jupyter finds kernelspec {NAME} in {found}, not in {SPEC_DIR}" if found else f"kernelspec {NAME} not installed"
    try:
        if json.loads((SPEC_DIR / "kernel.json").read_text(encoding="utf-8")) != kernel_json(USE_ARCHIVE):
            return f"{SPEC_DIR / 'kernel.json'} is not the one this script writes"
        if classes_digest(SPEC_DIR / PATCH.name) != classes_digest(PATCH):
            return f"{SPEC_DIR / PATCH.name} differs from {book.rel(PATCH)}"
        zipfile.ZipFile(SPEC_DIR / JAR).close()
    except (OSError, ValueError, zipfile.BadZipFile) as e:
        return f"{type(e).__name__}: {e}"
    if subprocess.run(kernel_json(USE_ARCHIVE)["argv"][:4] + ["-Xshare:on", "-version"], capture_output=True).returncode:
        return f"{SPEC_DIR / 'kernel.jsa'} missing or not usable by this Java"
    return None


def archive_classes():
    """One start with -XX:ArchiveClassesAtExit: kernel_info, a cell, shutdown; the JVM writes kernel.jsa as it exits."""
    from jupyter_client.manager import start_new_kernel
    (SPEC_DIR / "kernel.jsa").unlink(missing_ok=True)
    write_kernel_json(WRITE_ARCHIVE)
    (book.BUILD / "kernel").mkdir(parents=True, exist_ok=True)
    with open(book.BUILD / "kernel" / "archive.log", "w") as log:
        km, kc = start_new_kernel(kernel_name=NAME, startup_timeout=120, stdout=log, stderr=subprocess.STDOUT)
        km.shutdown_wait_time = 120  # the JVM writes the archive as it exits: do not kill it
        try:
            kc.execute_interactive("var xs = java.util.stream.IntStream.range(0, 10).mapToObj(i -> i * 0.5).toList();\n"
                                   "String.format(\"%.1f\", xs.stream().mapToDouble(Double::doubleValue).sum())",
                                   timeout=120, output_hook=lambda msg: None)
        finally:
            kc.stop_channels()
            km.shutdown_kernel()


def main():
    if not PATCH.is_file() or not KERNEL_JAR.is_file():
        sys.exit(f"kernel: {book.rel(PATCH)} or {book.rel(KERNEL_JAR)} missing; build the library first (make jar)")
    if (why := "reinstall requested (--force)" if "--force" in sys.argv[1:] else problem()) is None:
        return print(f"kernel: ok ({NAME} {VERSION} with {PATCH.name} in {SPEC_DIR})")
    print(f"kernel: {why}; installing into {SPEC_DIR}", flush=True)
    SPEC_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(KERNEL_JAR, SPEC_DIR / JAR)
    shutil.copyfile(PATCH, SPEC_DIR / PATCH.name)
    archive_classes()
    write_kernel_json(USE_ARCHIVE)
    if why := problem():
        sys.exit(f"kernel: installed, but {why} (see {book.rel(book.BUILD / 'kernel' / 'archive.log')})")
    print(f"kernel: ok ({NAME} {VERSION} with {PATCH.name} and a class-data archive installed in {SPEC_DIR})")


if __name__ == "__main__":
    main()
