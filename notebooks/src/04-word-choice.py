# %% [markdown]
# # 04 · Word choice
#
# **What you'll do:** look at the words each character reaches for: short or long, common or rare, hedged or
# certain, "I" or "you"; and the words that are theirs alone.
#
# **What you'll learn:** how diction marks a voice (class, age, confidence, mood) and how to find a character's
# signature words.
#
# **What you need:** notebook 01 (speakers checked). Fifteen minutes.

# %% [scene]

# %% [markdown]
# ## 1. The measures, in a writer's words
# - **Word length** (letters per word) and **rare words** (share of words outside everyday English, from a
#   word-frequency list): Owen's "automated", "technician", "contractors" against Agnes's "light", "ships", "dark".
# - **Vocabulary range (MTLD, HD-D)**: how long a character can talk before repeating words; they need about 100
#   words. (The plain share of different words falls as any text gets longer, so it is only shown with a warning.)
# - **Everyday-ness of words** (Zipf scale, 0-8): 6 or more is everyday ("light", "boat"); 3 or less is rare.
# - **Contractions** ("I'd", "that's"): everyday speech has many; formal speech avoids them.
# - **Hedges** ("I think", "possibly", "sort of", "I suppose"): Owen hedges almost every sentence.
#   **Intensifiers** ("really", "quite", "remarkably") and **certainty markers** ("of course", "obviously").
# - **Profanity**, mild and strong. **Sentiment**: how positive or negative the lines sound, from a word list
#   (VADER); a hint about mood, easily fooled by irony.
# - **I / you**: "I" per 100 words (talking about oneself) against "you" (talking at the other person); and
#   **forms of address**: names and titles ("Mrs. Pell").

# %%
from workshop.report import critique

critique.family_table(scene.profiles(), "diction")

# %% [markdown]
# ## 2. Signature words
# The words a character says more than the others, weighted so that a word said once by chance doesn't count
# (weighted log-odds). Solid bars are clearly theirs; pale bars are leanings. In a short scene few words pass the
# test: that's honest, not a failure.

# %%
scene.picture("word choice")

# %% [markdown]
# ## 3. Compare word choice
# %%
from workshop.widgets import ComparisonWidget

ComparisonWidget(scene, family="diction", references=False)

# %% [markdown]
# ## Every word-choice measure the kit has
# The table above shows the main ones. Here is the full list with what each one means and how much text it needs
# (**needs at least**) before the number starts to mean something. Profiles and the critique
# use all of them.

# %%
from workshop.widgets import measures_table

measures_table("diction")

# %% [markdown]
# ## Your turn
# 1. Find every hedge in one of Owen's speeches. Delete them all: who is he now? Put back only one. Which one
#    keeps him Owen?
# 2. List five words one of your characters would never say, and five only they would say. Search your scene
#    for both lists.
# 3. Count "I" against "you" for your two main characters. Who talks about themselves, and who talks at the
#    other? Is that the relationship you meant?
#
# ---
# **Instructor notes.** The lexicons (hedges, fillers, intensifiers, profanity, function words, forms of
# address) are plain text files in `workshop/data/lexicons/`, one entry per line: add your class's own words
# there. Rare-word shares come from the `wordfreq` lists (everyday modern English), so historical or dialect
# writing will look "rare"; say so when it comes up.
