"""`osmark batch --scheduler`: a Dask LocalCluster gives the same results as the local run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from batch_tree import make_tree
from osmark_plan.cli import main

distributed = pytest.importorskip("distributed")


def load(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def test_dask_local_cluster_matches_local_runs(tmp_path):
    tree = make_tree(tmp_path / "tree")
    common = ["batch", str(tree), "--no-images", "--lang", "en", "--quiet"]
    assert main(common + ["--out", str(tmp_path / "j1"), "--jobs", "1"]) == 3
    assert main(common + ["--out", str(tmp_path / "j2"), "--jobs", "2"]) == 3
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        assert main(common + ["--out", str(tmp_path / "dask"), "--scheduler", cluster.scheduler_address]) == 3
    one, two, dask = load(tmp_path / "j1"), load(tmp_path / "j2"), load(tmp_path / "dask")
    assert one == two == dask
    assert [b["verdict"] for b in dask["buildings"]] == ["pass", "fail"]
    for row in dask["floors"]:
        if row["report"]:
            text = (tmp_path / "dask" / row["report"]).read_text(encoding="utf-8")
            assert text == (tmp_path / "j1" / row["report"]).read_text(encoding="utf-8")


def test_unreachable_scheduler_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("osmark_plan.batch.run.SCHEDULER_TIMEOUT", "1s")
    tree = make_tree(tmp_path / "tree")
    code = main(["batch", str(tree / "loose"), "--out", str(tmp_path / "o"), "--no-images",
                 "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "127.0.0.1:9" in capsys.readouterr().err
