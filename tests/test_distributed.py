"""A real dask.distributed LocalCluster with two worker processes."""

import pytest
from typer.testing import CliRunner

from newsclean import clean
from newsclean.cli import app

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("dask.distributed")

ARTICLES = {
    f"a{index}.txt": f"خبر  رقم {index} ، قال /p> المتحدث |\n|\nالمتحدث باسم الخارجیة فی الأیام المقبلة\n"
    for index in range(8)
}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture
def folder(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text(text)
    return tmp_path


def test_cli_on_the_cluster_equals_one_process(cluster, folder, monkeypatch):
    monkeypatch.chdir(folder)
    runner = CliRunner()
    on_cluster = runner.invoke(app, ["clean", "-q", "--dask", cluster.scheduler_address, "in"])
    alone = runner.invoke(app, ["clean", "-q", "-j", "1", "in"])
    assert on_cluster.exit_code == 0, on_cluster.stderr
    assert on_cluster.stdout == alone.stdout
    assert on_cluster.stdout == "".join(clean(ARTICLES[name]) for name in sorted(ARTICLES))


def test_cli_in_place_on_the_cluster(cluster, folder, monkeypatch):
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["clean", "-i", "--dask", cluster.scheduler_address, "in"])
    assert result.exit_code == 0, result.stderr
    assert "8 files: 8 changed" in result.stderr
    for name, text in ARTICLES.items():
        assert (folder / "in" / name).read_text() == clean(text)


def test_clean_bag(cluster):
    import dask.bag

    from newsclean.distributed import clean_bag

    texts = list(ARTICLES.values())
    with distributed.Client(cluster.scheduler_address):
        cleaned = clean_bag(dask.bag.from_sequence(texts, npartitions=4), skip=["punctuation"]).compute()
    assert cleaned == [clean(text, skip=["punctuation"]) for text in texts]


def test_clean_dataframe_as_the_readme_shows_it(cluster):
    # The README's example needs dask[dataframe] (the extra installs it now) and must not add
    # a newline to every cell; a missing value stays missing.
    import dask.dataframe
    import pandas

    from newsclean.distributed import clean_dataframe

    bodies = ["خبر  عاجل /p>", "سطر\nثان  هنا\n", None]
    articles = dask.dataframe.from_pandas(pandas.DataFrame({"id": [1, 2, 3], "body": bodies}), npartitions=2)
    with distributed.Client(cluster.scheduler_address):
        cleaned = clean_dataframe(articles, "body", skip=["punctuation"]).compute()
    assert list(cleaned["body"][:2]) == ["خبر عاجل", "سطر\nثان هنا\n"]
    assert pandas.isna(cleaned["body"].iloc[2])  # (None or NaN, by the pandas version)
    assert list(cleaned["id"]) == [1, 2, 3]
