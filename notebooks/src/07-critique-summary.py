# %% [markdown]
# # 07 · The critique summary
#
# **What you'll do:** gather everything into one critique: who talks (and which cast the kit used), how your
# characters differ from each other (with lines from the scene), each voice on its own, things to try; then, for
# your teacher, the numbers behind it. Save it as a file to hand in or discuss.
#
# **What you'll learn:** to turn numbers into revision decisions, and to say how far they can be trusted.
#
# **What you need:** notebook 01 (speakers checked); notebooks 02-06 help you read it. Ten minutes.

# %% [scene]

# %% [markdown]
# ## 1. Read the critique
# It starts with your scene: how your characters sound different from each other, in plain words, with lines
# you wrote. The verdict says when the scene is too short to tell, and how many more words would settle it.
# "Things to try" are prompts drawn from those differences, not rules. The sections "For the teacher" hold the
# statistics, and where each voice falls among characters in classic novels (1813-1926): a yardstick from another
# era, never a target, and no suggestion rests on it.

# %%
from IPython.display import Markdown

from workshop.report import critique

Markdown(critique.render(scene.critique(), "md"))

# %% [markdown]
# ## 2. Save it
# Choose a format: **Web page** (one file with the pictures inside; opens in any browser), **Markdown**,
# **Plain text**, **Data** (JSON) or **Spreadsheet** (CSV). Press **Write the critique**, then the blue **Download**
# button that appears. A file that is already there is never replaced unless you tick "replace it if it exists".

# %%
from workshop.widgets import ExportPanel

ExportPanel(scene)

# %% [markdown]
# ## Your turn
# 1. Choose one revision prompt and act on it: rewrite the lines, run the notebooks again, and compare the two
#    critiques. Did the number move the way you meant?
# 2. Does the critique say your scene is too short to tell? How many more words would settle it, and whose?
# 3. Swap critiques with a partner. Without reading their scene, describe each of their characters from the
#    critique alone. Then read the scene: were you right?
#
# ---
# **Instructor notes.** The same summary comes from the command line:
# `python -m workshop critique my-scene.txt --format html -o critique.html` (add `--against the-detective` to
# compare with a reference). The HTML file is self-contained (pictures embedded, scene text escaped), so it can be
# uploaded to a learning platform as it is.
