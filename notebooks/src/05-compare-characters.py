# %% [markdown]
# # 05 · Compare two characters
#
# **What you'll do:** check who is in your scene, pick a character, then who to compare them with (another
# character of your scene first, then a reference character you choose, or characters in classic novels) and a
# family of measures: readability, rhythm or word choice. The table and the picture update as you choose.
#
# **What you'll learn:** which measures set two voices apart, how big the differences are, and when there is too
# little text to tell.
#
# **What you need:** nothing else: this page also runs as an app with no code showing
# (`voila notebooks/05-compare-characters.ipynb`). To use your own scene, upload it with the button below.

# %% [markdown]
# ## Your scene
# This page starts with the sample scene, *The Lighthouse*. To compare the characters of your own scene, press
# **Upload your scene** below and choose your `.txt` file: the comparison switches to it. This works the same in
# the app and in JupyterLab. (In JupyterLab, where the code shows, you can instead put a file's path in `SCENE`
# or paste your scene into `PASTED`, and run the page again.)

# %%
SCENE = None
PASTED = r"""

"""
CAST = None

# %%
from workshop.widgets import open_scene

scene = open_scene(SCENE, text=PASTED, cast=CAST)

# %%
from workshop.widgets import SceneUpload

SceneUpload(scene)

# %% [markdown]
# ## Who is in your scene
# The kit found these characters. Check them before you compare: fix a name, merge two rows that are one person,
# add someone it missed, and tick the one who tells the story as "I". Press **Save the cast**: the comparison
# below uses it at once.

# %%
from workshop.widgets import CastEditor

CastEditor(scene)

# %% [markdown]
# ## Compare
# **How to read it.** Start with two characters of your scene: the sentence at the top says how they differ,
# and the table gives the numbers with a verdict per measure: *clearly different* when the gap survives the
# lines being redrawn at random a thousand times. A number with * rests on too little text to mean much yet.
# Then try a reference character, a voice you choose to hold yours against. The last choice, *characters in
# classic novels (1813-1926)*, is a yardstick from another era, not a target: most of those characters never
# trail off or stutter, so for such habits the table says how often yours do, not a percentile.

# %%
from workshop.widgets import ComparisonWidget

ComparisonWidget(scene)

# %% [markdown]
# ## Your turn
# 1. Compare Agnes with Owen on **rhythm**, then on **word choice**. Which family separates them more? Did the
#    numbers find what you noted in notebook 00?
# 2. Compare one of your characters with a reference character whose voice you admire. Which habit would you
#    borrow, and which would you never give your character?
# 3. Find the reference character who sounds *most* like one of yours, and the one who sounds least like them.
#
# ---
# **Instructor notes.** This notebook is the one to project, or to give a class as a code-free app
# (`voila notebooks/05-compare-characters.ipynb`; see `docs/classroom.md`). The first view takes a moment while
# the voices are profiled; after that each change redraws at once. With under a few hundred words per character
# most verdicts read "too little text to tell": that is the honest answer, and a prompt to write more.
