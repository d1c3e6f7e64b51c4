# %% [markdown]
# # 01 · Finding the voices
#
# **What you'll do:** let the kit find every line of dialogue in the scene and work out who says it; then check
# its work and fix any speaker it got wrong.
#
# **What you'll learn:** how a reader (and the kit) knows who is speaking: tags ("she said"), actions in the
# same paragraph, turn-taking, and names in the line; and why untagged dialogue is hard to follow.
#
# **What you need:** notebook 00 done. Ten minutes.

# %% [scene]

# %% [markdown]
# ## 1. Who talks, and how much
# *Share of talk* is each character's part of the words spoken, and of the turns (each time someone speaks). In
# the sample, Agnes and Owen take almost the same number of turns, but Owen says about four words for every one
# of hers: the scene's power sits in that gap.

# %%
scene.picture("share of talk")

# %% [markdown]
# ## 2. Every line, and how the kit knows who says it
# `method` says how the speaker was found: **explicit** — a tag names them ("Owen asked"); **pronoun** — "she
# said", resolved to a character; **beat** — a character acts in the same paragraph (*Agnes turned a page of
# the logbook. "Sit."*); **turn-taking** — two people alternate; **vocative** — the line names who it is spoken
# *to*, so the other person is speaking ("Mrs. Pell, may I ask you something?"). `confidence` runs from 0 to 1.

# %%
from workshop.widgets import left_table

left_table(scene.dialogue.to_frame()[["line", "speaker", "method", "confidence", "text"]],
           numbers=["line", "confidence"])

# %% [markdown]
# ### Stories told as "I"
# In a first-person story the narrator speaks too: "I said", "I asked", or an action (*I shrugged. "Fine."*).
# Without a cast file the kit notices the narration saying "I" beside the dialogue and adds a narrator: it takes
# the name the other characters call them by ("Natasha, I'm sorry"), or is listed as **Narrator** when the scene
# never says it. With a cast file, mark the narrator yourself:
#
# ```toml
# [[character]]
# name = "Natasha"
# narrator = true
# ```
#
# The cast the kit used, and who (if anyone) is the narrator:

# %%
[(c.name, "narrator" if c.narrator else "") for c in scene.dialogue.cast]

# %% [markdown]
# ## 3. Fix the speakers
# Read down the list. Where the speaker is wrong, pick the right one; pick **(unknown)** when even you can't
# tell. Each change is saved in a small corrections file beside your scene (for the sample, in this folder) and
# is used by every notebook from then on. Use **Show** to list only the lines with no speaker.

# %%
from workshop.widgets import AttributionEditor

AttributionEditor(scene)

# %% [markdown]
# ## Your turn
# 1. Find a line where the kit used **turn-taking**. Cover the tags in the scene around it: could a reader tell
#    who speaks without counting turns? What would make it clear without a tag (an action, a habit of speech)?
# 2. In your own scene, how many lines have no speaker? Fix them, then run the share-of-talk cell again. Does
#    anyone talk much more than you thought?
# 3. Agnes and Owen take the same number of turns. Rewrite one exchange of your scene so that the quieter
#    character wins it with fewer words.
#
# ---
# **Instructor notes.** Attribution is right for almost every line of a scene with tags and beats, and weaker in
# long untagged exchanges: that is also where human readers get lost, which makes a good discussion. The
# corrections file (`SCENE.corrections.toml`) is plain text; students can hand it in with the scene. The same
# list is available on the command line: `python -m workshop quotes my-scene.txt`.
