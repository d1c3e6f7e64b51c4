# %% [markdown]
# # 06 · Against the references
#
# **What you'll do:** put your characters beside voices written to be distinct (a terse detective, a garrulous
# aunt, a formal butler, a teenager) and beside characters in classic published fiction.
#
# **What you'll learn:** how your characters sit among familiar types of voice, and what a "percentile among
# published characters" means.
#
# **What you need:** notebooks 02-04 help. Fifteen minutes.

# %% [scene]

# %% [markdown]
# ## 1. The reference scenes
# Four short scenes written for the kit, each with two characters whose voices pull in opposite directions. Pick
# one to read what it demonstrates and who is in it. Further down the list: characters of classic novels whose
# lines come with the kit (Elizabeth Bennet, Sherlock Holmes, Alice...), and the norms you can place a character
# among: classic fiction, or any norms file your teacher built from a class or a shelf of novels.

# %%
from workshop.widgets import ReferencePicker

picker = ReferencePicker()
picker

# %% [markdown]
# ## 2. Your character beside a reference character
# The comparison below follows the reference you picked above: pick *The Night Clerk* and it compares with
# Inspector Hale. (Every reference character is also in the **compared with** list, after your own characters.)
# Try Agnes beside Hale: both are terse, but Hale asks and Agnes tells.

# %%
from workshop.widgets import ComparisonWidget

ComparisonWidget(scene).follow(picker)

# %% [markdown]
# ## 3. Among characters in published fiction
# The norms come from the hand-attributed dialogue of 113 characters in twelve classic English-language novels
# published 1813-1926 (from *Pride and Prejudice* to *The Sun Also Rises*). "At the 2nd percentile for sentence
# length" means 98 in 100 of those characters speak in longer sentences. The table lists, for each of your
# characters, the measures on which they are among the most unusual tenth. They are a yardstick from
# classic fiction, not a rule, and not how people talk today.

# %%
from workshop.widgets import left_table

left_table(scene.critique().highlights_frame(), numbers=["percentile in classic novels"])

# %% [markdown]
# ## Your turn
# 1. Which reference character is closest to each of yours? Which measure makes the difference?
# 2. Find one measure on which a character of yours is in the top or bottom 10% of published characters. Find a
#    line that shows it. Keep it, or soften it?
# 3. Write four lines for one of your characters in the voice of the butler. What did you change first?
#
# ---
# **Instructor notes.** The reference scenes are in `texts/references/`, each with a cast file and a line on what
# it demonstrates; add your own the same way (a `.txt` with its `.cast.toml`). The command line does the same
# comparison: `python -m workshop compare my-scene.txt --against the-detective`, or `--against "Sherlock Holmes"`
# for a character whose lines ship with the kit (no internet needed). Norms files built with `python -m workshop
# norms build FOLDER -o class.json --name "Class of 2026"` and saved beside this notebook appear in both lists.
# Whole public-domain books of the catalog can be fetched once when online: see `python -m workshop compare
# --help`.
