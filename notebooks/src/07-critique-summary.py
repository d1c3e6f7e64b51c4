# %% [markdown]
# # 07 · The critique summary
#
# **What you'll do:** gather everything into one critique: who talks, how each voice sounds (with lines from the
# scene), how distinct each pair is and why, how they compare with published fiction, things to try, and the
# cautions. Then save it as a file to hand in or discuss.
#
# **What you'll learn:** to turn numbers into revision decisions, and to say how far they can be trusted.
#
# **What you need:** notebook 01 (speakers checked); notebooks 02-06 help you read it. Ten minutes.

# %% [scene]

# %% [markdown]
# ## 1. Read the critique
# "Things to try" are prompts grounded in the numbers, not rules: each names a measure and the value behind it.
# "Read these numbers with care" says where there is too little text.

# %%
from IPython.display import Markdown

from workshop.report import critique

Markdown(critique.render(scene.critique(), "md"))

# %% [markdown]
# ## 2. Save it
# Choose a format: **Web page** (one file with the pictures inside; opens in any browser), **Markdown** (plain
# text), **Data** (JSON) or **Spreadsheet** (CSV). Press **Write the critique**, then the blue **Download**
# button that appears. A file that is already there is never replaced unless you tick "replace it if it exists".

# %%
from workshop.widgets import ExportPanel

ExportPanel(scene)

# %% [markdown]
# ## Your turn
# 1. Choose one revision prompt and act on it: rewrite the lines, run the notebooks again, and compare the two
#    critiques. Did the number move the way you meant?
# 2. Which caveat applies to your scene? What would you need to write to get past it?
# 3. Swap critiques with a partner. Without reading their scene, describe each of their characters from the
#    critique alone. Then read the scene: were you right?
#
# ---
# **Instructor notes.** The same summary comes from the command line:
# `python -m workshop critique my-scene.txt --format html -o critique.html` (add `--against the-detective` to
# compare with a reference). The HTML file is self-contained (pictures embedded, scene text escaped), so it can be
# uploaded to a learning platform as it is.
