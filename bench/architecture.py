"""The package's shape in numbers: modules per folder, the longest functions, imports inside functions, cycles.

Run:  python bench/architecture.py [--top N]

Reads the source of ``workshop/`` with :mod:`ast` (nothing is imported). A function's length is the number of
lines from its ``def`` to its last line, decorators and docstring included. An import inside a function is any
``import``/``from`` statement nested in a ``def``. Cycles are found on the graph of imports between the package's own
modules (``from workshop.x import y`` and ``import workshop.x``; a package's ``__init__`` counts as the package), as
strongly connected components of more than one module: once with module-level imports only, and once counting the
imports inside functions too (the cycles those imports hide). Imports under ``if TYPE_CHECKING:`` are left out.
Imports inside functions are counted apart for the package's own modules (which can only be there to dodge an import
cycle or an order problem) and for other libraries (lazy imports of heavy optional libraries, which are fine).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "workshop"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def resolve(importer: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def analyse(root: Path = ROOT) -> dict:
    modules: dict[str, Path] = {module_name(p): p for p in sorted((root / PACKAGE).rglob("*.py"))}
    functions: list[tuple[int, str]] = []
    inner_imports: dict[tuple[str, int], str] = {}
    graph: dict[str, set[str]] = defaultdict(set)
    every: dict[str, set[str]] = defaultdict(set)  # module-level and inner imports alike
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                functions.append((node.end_lineno - first + 1, f"{name}.{node.name}"))
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)):
                        own = _targets(name, inner, is_package, modules) or _is_own(inner)
                        inner_imports[(name, inner.lineno)] = ("own " if own else "lib ") + ast.unparse(inner)
                        every[name] |= _targets(name, inner, is_package, modules)
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                graph[name] |= _targets(name, node, is_package, modules)
                every[name] |= graph[name]
    return {
        "modules": modules,
        "functions": sorted(functions, reverse=True),
        "inner_imports": [(m, line, text) for (m, line), text in sorted(inner_imports.items())],
        "cycles": strongly_connected(graph),
        "hidden_cycles": strongly_connected(every),
    }


def _is_own(node: ast.Import | ast.ImportFrom) -> bool:
    """Whether the import names one of the package's own modules (relative imports included)."""
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").split(".")[0] == PACKAGE
    return any(alias.name.split(".")[0] == PACKAGE for alias in node.names)


def _targets(name: str, node: ast.Import | ast.ImportFrom, is_package: bool, modules: dict) -> set[str]:
    """The package's own modules an import statement names."""
    if isinstance(node, ast.Import):
        wanted = [a.name for a in node.names]
    else:
        base = resolve(name, node, is_package)
        wanted = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
    out = set()
    for t in wanted:
        while t and t not in modules:
            t = t.rpartition(".")[0]
        if t and t != name and (t.startswith(PACKAGE + ".") or t == PACKAGE):
            out.add(t)
    return out


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm; components of two or more modules, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10, help="how many of the longest functions to list")
    args = parser.parse_args(argv)
    r = analyse()
    folders = Counter(str(p.parent.relative_to(ROOT)) for p in r["modules"].values())
    print(f"{'folder':34} {'modules':>7}")
    for folder, n in sorted(folders.items()):
        print(f"{folder:34} {n:>7}")
    print(f"{'all':34} {sum(folders.values()):>7}")
    print()
    lengths = [n for n, _ in r["functions"]]
    print(f"functions: {len(lengths)}; over 60 lines: {sum(n > 60 for n in lengths)}; longest:")
    for n, name in r["functions"][: args.top]:
        print(f"  {n:>5}  {name}")
    print()
    own = [(m, line, text) for m, line, text in r["inner_imports"] if text.startswith("own ")]
    print(f"imports inside functions: {len(r['inner_imports'])} ({len(own)} of the package's own modules, "
          f"{len(r['inner_imports']) - len(own)} of other libraries); own modules by importer:")
    by_module = Counter(m for m, _, _ in own)
    for m, n in by_module.most_common(args.top):
        print(f"  {n:>5}  {m}")
    print()
    print(f"import cycles: {len(r['cycles'])} at module level; "
          f"{len(r['hidden_cycles'])} once the imports inside functions are counted:")
    for comp in r["hidden_cycles"]:
        print(f"  ({len(comp)} modules) " + ", ".join(comp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
