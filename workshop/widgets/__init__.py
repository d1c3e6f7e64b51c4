"""Widgets for the classroom notebooks (ipywidgets): confirm the cast, compare voices, fix speakers, pick references, export.

Each widget presents what the workshop functions compute; its results are rendered into ``HTML`` and ``Image``
widgets (never an ``Output``), so they show in JupyterLab and Voilà alike and a test can read them.
:func:`open_scene` opens the scene a notebook works on; every widget of the notebook shares it. Importing this
package in a notebook makes a :class:`~workshop.errors.WorkshopError` (a wrong path, a bad cast file) show as its
message in a note instead of a traceback (:mod:`workshop.widgets.friendly_errors`).
"""

from workshop.widgets.cast_editor import CastEditor
from workshop.widgets.classroom import ClassOverview
from workshop.widgets.common import picture
from workshop.widgets.comparison import ComparisonWidget
from workshop.widgets.editor import AttributionEditor
from workshop.widgets.export import ExportPanel
from workshop.widgets.references import ReferencePicker
from workshop.widgets.session import ClassScene, open_scene
from workshop.widgets.setup import check_setup
from workshop.widgets.tables import left_table, measures_table
from workshop.widgets.upload import SceneUpload
from workshop.widgets import friendly_errors

friendly_errors.register()  # in a notebook, a WorkshopError shows as its message, not a traceback

__all__ = [
    "AttributionEditor",
    "CastEditor",
    "ClassOverview",
    "ClassScene",
    "ComparisonWidget",
    "ExportPanel",
    "ReferencePicker",
    "SceneUpload",
    "check_setup",
    "left_table",
    "measures_table",
    "open_scene",
    "picture",
]
