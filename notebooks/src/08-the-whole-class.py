# %% [markdown]
# # 08 · The whole class (for the teacher)
#
# **What you'll do:** point the kit at a folder of your students' scenes, read the overview of the class, see every
# character of the class in one picture, and open any student's critique.
#
# **What you'll learn:** where to look first when thirty scenes come in: whose characters sound alike, which
# scenes have lines the kit could not give a speaker, and which voices stand out from the class.
#
# **What you need:** a folder of scenes (`.txt` or `.md`, one per student; a cast file `NAME.cast.toml` beside a
# scene helps). No internet. Five minutes, plus the time to read.

# %% [markdown]
# ## ✏️ Your class's folder (the one cell to change)
# Leave `FOLDER = None` to try the demo class: five short scenes written for the kit after one exercise ("two
# people wait for something that is late"). To use your class, put the folder's path between quotes, e.g.
# `FOLDER = "week-3"` (a path from this `notebooks/` folder). Only the folder itself is read, not the folders
# inside it.

# %%
FOLDER = None

# %% [markdown]
# ## 1. The overview
# One row per scene: who talks and how much of the dialogue is theirs, how distinct the closest pair of voices is,
# the strongest contrast between two characters, and the lines left without a speaker (worth a look before you
# trust the rest). A scene that could not be read (empty, not text, a broken cast file) keeps its row, with the
# reason. Below the table, a picture of every character of the class with at least 40 words, on the two measures
# that spread them most; then any student's critique: choose the scene.

# %%
from workshop.widgets import ClassOverview

overview = ClassOverview(FOLDER)
overview

# %% [markdown]
# ## 2. The same table, to sort or save
# `overview.results` holds everything the widget shows. The table below can be sorted or saved as a spreadsheet
# (`.to_csv("overview.csv")`).

# %%
from workshop.widgets import left_table

left_table(overview.results.overview_frame())

# %% [markdown]
# ## 3. Who stands out, and on what
# The measures that spread this class most, and each character's own value on them, in the measure's unit (the
# picture's axes). The last column names the measures on which a character has too little text for a firm number.
# `overview.results.spreads_frame()` lists every measure, most spreading first.

# %%
overview.results.values_frame(4)

# %% [markdown]
# ## Your turn
# 1. Find the scene whose closest pair has the lowest distinctiveness. Open its critique: what would you ask the
#    student to change first?
# 2. Which character is furthest from the rest of the class in the picture? Is that the student's intent?
# 3. Pick the scene with the most lines without a speaker. Is the problem the kit's, or the scene's tags?
#
# ---
# **Instructor notes.** The command line does the same for a whole folder and writes the files to hand back:
# `python -m workshop critique week-3 -o week-3-marked --format html` (one critique per scene and `index.html`,
# the overview, with a link to each). `python -m workshop norms build week-3 -o week-3-norms.json --name "Week 3"`
# turns the class's own scenes into norms: give them to `--norms` (or save the file beside the notebooks: the
# reference lists of notebooks 05 and 06 offer it). The picture shows the class's own values; to see where a
# published population sits, add `band="classic"` (or `band="week-3-norms.json"`) after `FOLDER` in section 1's
# cell: the picture then shades the middle half of those characters behind the points, for context only. The marking workflow, step by step, is in
# `docs/classroom.md`.
