"""One place for settings: every NEWSGRAPH_* variable is a field of `Settings`, read there and
nowhere else; the data directory follows XDG_DATA_HOME; the extract stage gets only what it needs."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys

from helpers import ROOT
from newsgraph.config import Extraction, Settings


def test_no_module_reads_a_newsgraph_variable_itself():
    readers = []
    for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "flows").rglob("*.py")]:
        if path == ROOT / "src" / "newsgraph" / "config.py":
            continue  # the one place
        text = path.read_text(encoding="utf-8")
        if re.search(r"(environ|getenv)\b[^\n]*NEWSGRAPH_", text) or re.search(r'"NEWSGRAPH_\w+"', text):
            readers.append(str(path.relative_to(ROOT)))
    assert readers == []


def _settings_in_a_fresh_process(env: dict[str, str], expression: str) -> str:
    code = f"from newsgraph.config import Settings; print({expression})"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSGRAPH_", "XDG_"))}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean | env,
                          cwd=ROOT / "tests")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_data_directory_follows_xdg_data_home(tmp_path):
    assert _settings_in_a_fresh_process({"XDG_DATA_HOME": str(tmp_path)}, "Settings().data_dir") == str(
        tmp_path / "newsgraph")
    assert _settings_in_a_fresh_process({"XDG_DATA_HOME": str(tmp_path), "NEWSGRAPH_DATA_DIR": "/x/y"},
                                        "Settings().data_dir") == "/x/y"


def test_the_action_lexicon_setting_reaches_the_extractor(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text('[verbs]\nsnipe = { category = "DISAPPROVE", score = -2.0 }\n', encoding="utf-8")
    found = _settings_in_a_fresh_process(
        {"NEWSGRAPH_ACTION_LEXICON": str(extra)},
        "__import__('newsgraph.actions.lexicon', fromlist=['x']).default_lexicon().classify('snipe').category")
    assert found == "DISAPPROVE"


def test_a_dask_task_gets_two_fields_not_the_settings():
    settings = Settings(spacy_model="en_core_web_sm", neo4j_password="s3cret")
    config = settings.extraction
    assert config == Extraction("en_core_web_sm", None)
    assert b"s3cret" not in pickle.dumps(config)


def test_a_command_line_graph_overrides_the_setting():
    settings = Settings(graph_uri="bolt://a:1")
    assert settings.overriding(graph_uri=None) is settings
    assert settings.overriding(graph_uri="falkordb://b:2").graph_uri == "falkordb://b:2"
    assert settings.home("falkordb") == settings.data_dir / "falkordb"


def test_the_earlier_name_of_the_graph_uri_variable_is_still_read():
    assert _settings_in_a_fresh_process({"NEWSGRAPH_GRAPH": "bolt://x:1"}, "Settings().graph_uri") == "bolt://x:1"
    assert _settings_in_a_fresh_process({"NEWSGRAPH_GRAPH_URI": "bolt://y:2"}, "Settings().graph_uri") == "bolt://y:2"


def test_one_batch_setting_in_rows_and_its_earlier_name():
    assert _settings_in_a_fresh_process({"NEWSGRAPH_BATCH_SIZE": "25"}, "Settings().batch_rows") == "25"
    assert _settings_in_a_fresh_process({"NEWSGRAPH_BATCH_ROWS": "30"}, "Settings().batch_rows") == "30"
