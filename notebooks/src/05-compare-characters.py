# %% [markdown]
# # 05 · Compare two characters
#
# **What you'll do:** pick two characters from the scene (or one character and a reference voice, or the voices
# of published fiction) and see, side by side, how they differ in readability, rhythm and word choice.
#
# **What you'll learn:** which measures make two voices sound different, how big the differences are, and when
# there is too little text to tell.
#
# **What you need:** nothing but this notebook. It works on the sample scene *The Lighthouse*; change the cell
# below to use your own scene. This notebook also runs as an app with no code showing:
# `voila notebooks/05-compare-characters.ipynb`.

# %% [markdown]
# ## Your scene
# Leave `SCENE = None` for the sample scene. For your own, put the path of your `.txt` file between the quotes
# (`SCENE = "my-scene.txt"`), or paste your scene between the triple quotes of `PASTED`.

# %%
SCENE = None
PASTED = """"""

# %%
from workshop.widgets import ComparisonWidget, open_scene

scene = open_scene(SCENE, text=PASTED)

# %% [markdown]
# ## Compare
# Choose a character on the left and who to compare them with on the right, then a family of measures.
# The table says how far apart the two voices are on each measure; the picture shows the same at a glance.

# %%
ComparisonWidget(scene)
