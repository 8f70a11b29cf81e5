"""The package as a pip user gets it: a wheel built from the checkout, installed with pip into a
fresh virtual environment (no uv, no lock file), extracts the seed article. A dependency that
only the lock file brings in fails here, as it failed for users."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, SEED

UV = Path(sys.executable).with_name("uv")


def test_the_wheel_installs_with_pip_and_extracts_the_seed_article(tmp_path):
    built = subprocess.run([str(UV), "build", "--wheel", "--out-dir", str(tmp_path / "dist"), str(ROOT)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("newsgraph-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    installed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                                "--disable-pip-version-check", str(wheel)],
                               capture_output=True, text=True, timeout=1200)
    assert installed.returncode == 0, installed.stderr[-2000:]
    done = subprocess.run([str(venv / "bin" / "newsgraph"), "extract", str(SEED)], capture_output=True,
                          text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert any(e["source"]["name"] == "Russia" and e["action"]["lemma"] == "warn"
               and (e["target"] or {}).get("name") == "United States" for e in events)
    # the first run of a pip user: the embedded store, the packaged graph_schema, the flows
    env = os.environ | {"NEWSGRAPH_DATA_DIR": str(tmp_path / "data")}
    command = str(venv / "bin" / "newsgraph")
    try:
        ran = subprocess.run([command, "run", str(SEED)], capture_output=True, text=True, timeout=600,
                             cwd=tmp_path, env=env)
        assert ran.returncode == 0, ran.stderr[-2000:]
        asked = subprocess.run([command, "query", "--json", "MATCH (e:Event) RETURN count(e) AS n"],
                               capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
        assert asked.returncode == 0 and json.loads(asked.stdout)["n"] == len(events), asked.stderr
    finally:
        subprocess.run([command, "server", "stop"], capture_output=True, timeout=120, cwd=tmp_path, env=env)


LIBRARY_WITHOUT_PREFECT = """
import importlib, importlib.abc, pkgutil, sys

class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {"prefect", "prefect_dask", "newsgraph_flows"}:
            raise ModuleNotFoundError(f"No module named {name!r}")

sys.meta_path.insert(0, Absent())
import newsgraph
modules = [m.name for m in pkgutil.walk_packages(newsgraph.__path__, "newsgraph.")]
for name in modules:
    importlib.import_module(name)
print(len(modules))
"""


def test_every_library_module_imports_as_if_prefect_and_the_flows_were_not_installed():
    """The library runs in a plain test, a Prefect task or a Dask worker alike: none of its
    modules may need Prefect or the flows package above it."""
    done = subprocess.run([sys.executable, "-c", LIBRARY_WITHOUT_PREFECT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) > 40  # every module was imported, not none
