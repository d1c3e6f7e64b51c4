"""Widgets for the classroom notebooks (ipywidgets): compare voices, fix speakers, pick references, export.

Each widget presents what the workshop functions compute; its results are rendered into ``HTML`` and ``Image``
widgets (never an ``Output``), so they show in JupyterLab and Voilà alike and a test can read them.
"""

from workshop.widgets.comparison import ComparisonWidget
from workshop.widgets.session import ClassScene, open_scene

__all__ = ["ClassScene", "ComparisonWidget", "open_scene"]
