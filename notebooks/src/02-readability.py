# %% [markdown]
# # 02 · Readability
#
# **What you'll do:** measure how hard each character's lines are to read, with the formulas schools and
# publishers use, and see why they behave oddly on dialogue.
#
# **What you'll learn:** what the readability scores count (sentence length, long words, unfamiliar words), what
# they say about a voice, and when there is too little text to trust them.
#
# **What you need:** notebook 01 (speakers checked). Ten minutes.

# %% [scene]

# %% [markdown]
# ## 1. The measures, in a writer's words
# All of them turn two things into a number: **how long the sentences are** and **how long or unusual the
# words are**.
# - **Flesch reading ease** (0-100, higher is easier): short sentences of short words score high. Agnes's "That's
#   enough." is about as easy as English gets; Owen's forty-word sentence about the swell is not.
# - **Flesch-Kincaid grade, Coleman-Liau, Automated readability index**: the same idea as a US school grade (8 =
#   a 13-year-old could read it).
# - **Gunning fog** and **SMOG**: years of schooling, driven by words of three or more syllables ("technology",
#   "automated").
# - **Dale-Chall**: the share of words *not* on a list of 3,000 familiar words; about 5 is easy, 9 is college
#   level.
#
# The kit counts sentences, words and syllables itself, because the usual tools miscount dialogue (they drop
# two-word sentences like "Point two." and glue "listen—you" into one word).

# %%
from workshop.report import critique

critique.family_table(scene.profiles(), "readability")

# %% [markdown]
# **Too little text:** the formulas were made for passages of 100 words or more (SMOG for 30 sentences). Agnes
# says 79 words in the whole scene, so her scores are hints, not findings: the last column names anyone below the
# minimum. The number is still shown, so you can watch it settle as you write more.

# %% [markdown]
# ## 2. Against characters in published fiction
# Where does each score fall among 113 characters from twelve classic novels (1813-1926)? The 50th percentile is
# a typical character; under 10 or over 90 is unusual.

# %%
from workshop.widgets import ComparisonWidget

ComparisonWidget(scene, second="norms", family="readability", references=False)

# %% [markdown]
# ## Every readability measure the kit has
# The table above shows the main ones. Here is the full list with what each one means and how much text it needs
# (**needs at least**) before the number starts to mean something. Profiles and the critique
# use all of them.

# %%
from workshop.widgets import measures_table

measures_table("readability")

# %% [markdown]
# ## Your turn
# 1. Owen's lines read as harder than Agnes's. Is that because of his long sentences or his long words? Look at
#    which scores move most (Flesch reading ease counts both; Coleman-Liau counts only letters per word).
# 2. Take the longest line in your scene and rewrite it for a character three grades "lower". What did you have to
#    change: the words, or the sentences?
# 3. Find a character of yours who is meant to sound educated. Do the numbers agree? If not, is it the
#    vocabulary or the syntax that gives them away?
#
# ---
# **Instructor notes.** Readability formulas are crude on fiction dialogue and unreliable below about 100 words,
# which is exactly why they make a good first lesson in reading numbers critically. The kit documents how each
# formula is computed (`workshop/metrics/readability.py`). A "harder" voice is not a better one: Agnes's plain
# lines carry the scene.
