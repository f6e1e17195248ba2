import pytest

from newsclean.config import Settings, find_config, load_settings
from newsclean.errors import UsageError


def test_defaults_without_a_config_file(tmp_path):
    (tmp_path / ".git").mkdir()
    assert load_settings(start=tmp_path) == Settings()


def test_pyproject_table_found_from_a_subfolder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newsclean]\nskip = ["invisible"]\nexclude = ["drafts/*"]\n')
    sub = tmp_path / "articles" / "2024"
    sub.mkdir(parents=True)
    settings = load_settings(start=sub)
    assert settings.skip == ("invisible",) and settings.exclude == ("drafts/*",)
    assert settings.source == tmp_path / "pyproject.toml"


def test_a_pyproject_without_our_table_is_passed_over(tmp_path):
    (tmp_path / "newsclean.toml").write_text('profile = "news"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    assert find_config(inner) == tmp_path / "newsclean.toml"


def test_the_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / "newsclean.toml").write_text('profile = "news"\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_config(repo) is None


def test_cleaner_options_table(tmp_path):
    config = tmp_path / "newsclean.toml"
    config.write_text("[whitespace]\n")
    assert load_settings(config).options == {"whitespace": {}}


@pytest.mark.parametrize(("content", "message"), [
    ('colour = "red"\n', "unknown key 'colour'; valid keys: profile, encoding, format, only, skip"),
    ('skip = "invisible"\n', "skip must be a list of strings"),
    ("profile = 3\n", "profile must be a str"),
    ("[whitespace]\nwidth = 3\n", "unknown option whitespace.width"),
    ("profile = \n", "not valid TOML"),
])
def test_bad_config_is_a_usage_error_naming_the_file(tmp_path, content, message):
    config = tmp_path / "newsclean.toml"
    config.write_text(content)
    with pytest.raises(UsageError, match=message) as caught:
        load_settings(config)
    assert str(config) in str(caught.value)


def test_flags_override_the_file_and_unset_flags_do_not(tmp_path):
    config = tmp_path / "newsclean.toml"
    config.write_text('skip = ["invisible"]\nencoding = "cp1256"\n')
    settings = load_settings(config).override(skip=("whitespace",), encoding=None, exclude=())
    assert settings.skip == ("whitespace",) and settings.encoding == "cp1256"


def test_a_config_above_the_home_folder_or_owned_by_another_user_is_not_used(tmp_path, monkeypatch):
    import os

    from newsclean.config import find_config

    home = tmp_path / "home"
    project = home / "project"
    project.mkdir(parents=True)
    (tmp_path / "newsclean.toml").write_text('profile = "search"\n')  # above the home folder
    monkeypatch.setenv("HOME", str(home))
    assert find_config(project) is None
    planted = home / "newsclean.toml"
    planted.write_text('profile = "search"\n')
    assert find_config(project) == planted
    if os.getuid() == 0:
        os.chown(planted, 4321, 4321)  # another user's file
        assert find_config(project) is None


def test_toml_nested_thousands_deep_is_one_line(tmp_path):
    from newsclean.config import load_settings
    from newsclean.errors import UsageError

    path = tmp_path / "newsclean.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(UsageError, match="nested too deep|not valid TOML"):
        load_settings(path)
