# %% [markdown]
# # 03 · Rhythm
#
# **What you'll do:** see each character's sentences as a pulse through the scene, and count the habits that
# give a voice its movement: questions, fragments, trailing off, breaking off, fillers.
#
# **What you'll learn:** how sentence length and its *variety* make a voice sound clipped, breathless or
# rambling, and how hesitation shows on the page.
#
# **What you need:** notebook 01 (speakers checked). Fifteen minutes.

# %% [scene]

# %% [markdown]
# ## 1. Sentence lengths through the scene
# One stem per sentence of dialogue, in the order they are spoken, coloured by speaker. In the sample, Agnes's
# stems hardly leave the floor ("Sit." "Ask." "Point two."), while Owen's shoot up whenever he is nervous: the
# longest comes just after she asks "Who keeps it?".

# %%
scene.picture("rhythm")

# %% [markdown]
# ## 2. The measures, in a writer's words
# - **Average / typical sentence length**: words per sentence. Agnes: about three. Owen: about nine, with some over
#   forty.
# - **Variety of sentence length**: near 0 is a steady beat; near 1 or above lurches between long and short
#   (Owen's "Right. Good. Of course you do." then a forty-word sentence).
# - **Words per speech**: how much a character says each time they open their mouth.
# - **Fragments**: sentences with no verb ("April." "Or May."). **Questions**, **exclamations**.
# - **Trailing off** (…) and **cut off** (a dash at the end): hesitation and interruption.
# - **Stutters** ("I-I"), **fillers** ("um", "well", "I mean", "you know"): Owen's "Just, um, just for me."
# - **One-syllable words**: a share near 80% sounds blunt and old ("Ships need it. That's all.").
# - **Stressed syllables** (from a pronouncing dictionary): the share of syllables that carry stress. Many
#   stresses in a row hammer ("Twice a year is no good"); few make a line run light and quick.

# %%
from workshop.report import critique

critique.family_table(scene.profiles(), "rhythm")

# %% [markdown]
# ## 3. Compare the two rhythms
# The comparison widget shows the same measures for two characters, with a verdict for each: *clearly different*
# only when the difference holds up when the lines are redrawn at random a thousand times.

# %%
from workshop.widgets import ComparisonWidget

ComparisonWidget(scene, family="rhythm", references=False)

# %% [markdown]
# ## Every rhythm measure the kit has
# The table above shows the main ones. Here is the full list with what each one means and how much text it needs
# (**needs at least**) before the number starts to mean something. Profiles and the critique
# use all of them.

# %%
from workshop.widgets import measures_table

measures_table("rhythm")

# %% [markdown]
# ## Your turn
# 1. Find the longest stem in the sample's strip. What is happening in the story at that moment? Does the same
#    happen in your scene: do your characters' sentences change length when the pressure rises?
# 2. Pick a character of yours with a low *variety*. Rewrite one speech so that a single short sentence breaks
#    the pattern. Read both versions aloud.
# 3. Owen says "um" and "I mean"; Agnes never does. Give one of your characters a hesitation habit of their own
#    (not "um"): a repeated word, a question tag, a trailing "or...".
#
# ---
# **Instructor notes.** The strip is the most immediately readable picture in the kit; it works well projected,
# with the scene's text beside it. Counts per 100 words or sentences need a few hundred words to settle: the
# table's last column names characters below the minimum. Stutters, fillers and interruptions are counted from
# the punctuation writers actually use (`I-I`, `um,`, a closing dash).
