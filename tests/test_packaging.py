"""environment.yml (conda-forge) and pyproject.toml (pip) must ask for the same packages at the same versions."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _split(spec: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec)
    assert m, spec
    return re.sub(r"[-_.]+", "-", m.group(1)).lower(), m.group(2).replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    return dict(_split(s) for s in specs)


def environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    specs: list[str] = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            specs += [d for d in dep["pip"] if not d.startswith("-e")]
        else:
            specs.append(dep)
    found = dict(_split(s) for s in specs)
    found.pop("python"), found.pop("pip")
    return found


def test_environment_and_pyproject_list_the_same_packages_and_versions():
    assert environment_requirements() == pyproject_requirements()


def test_environment_installs_the_project_itself_and_uses_conda_forge():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section
    assert env["channels"] == ["conda-forge"]


def test_python_floor_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert project["requires-python"] == ">=3.11"
    assert "python>=3.11" in env["dependencies"]


def _readme_install_extras() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r'pip install -e "\.\[([a-z,]+)\]"', readme)
    assert m, "the README's install line installs the project with its extras"
    return set(m.group(1).split(","))


def test_the_readme_install_line_installs_the_classroom_app_and_ci_installs_the_same():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    installed = _readme_install_extras()
    assert installed <= set(extras)
    app = {name for name, specs in extras.items() if {_split(s)[0] for s in specs} >= {"jupyterlab", "voila"}}
    assert len(app) == 1 and app <= installed  # JupyterLab and Voila together, in one extra the README installs
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    m = re.search(r'pip install -q -e "\.\[([a-z,]+)\]"', ci)
    assert m and set(m.group(1).split(",")) == installed


def test_no_cap_blocks_textstats_next_release_and_no_unused_test_plugin():
    found = pyproject_requirements()
    assert "<" not in found["textstat"]
    assert "nbmake" not in found
