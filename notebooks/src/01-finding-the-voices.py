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
# ## 1. Who is in your scene
# Before anything is measured, confirm the cast. The list shows the characters the kit found: their **name**
# (what the critique calls them), their **other names** in the scene, their pronouns, and who **tells the story**
# as "I". Fix anything wrong: type a new name; choose *merge into…* when two rows are one person; *split off…*
# when one of the other names is somebody else; *remove* a word the kit took for a name; add a character it
# missed. Then press **Save the cast**: it is written as `SCENE.cast.toml` beside your scene, and every notebook
# and command uses it from then on (here, run the cells below again: **Run → Run Selected Cell and All Below**). In a story told as "I", ticking the narrator is what lets the kit give the
# narrator's lines to them.

# %%
from workshop.widgets import CastEditor

CastEditor(scene)

# %% [markdown]
# ## 2. Who talks, and how much
# *Share of talk* is each character's part of the words spoken, and of the turns (each time someone speaks). In
# the sample, Agnes and Owen take almost the same number of turns, but Owen says about four words for every one
# of hers: the scene's power sits in that gap.

# %%
scene.picture("share of talk")

# %% [markdown]
# ## 3. Every line, and how the kit knows who says it
# `method` says how the speaker was found: **explicit** — a tag names them ("Owen asked"); **pronoun** — "she
# said", resolved to a character; **beat** — a character acts in the same paragraph (*Agnes turned a page of
# the logbook. "Sit."*); **turn-taking** — two people alternate; **vocative** — the line names who it is spoken
# *to*, so the other person is speaking ("Mrs. Pell, may I ask you something?"); **split** — the line is the
# second piece of a speech broken by a tag (*"Sit," she said. "Please."*), so it goes to whoever said the first
# piece. `confidence` runs from 0 to 1.

# %%
from workshop.widgets import left_table

left_table(scene.dialogue.to_frame()[["line", "speaker", "method", "confidence", "text"]],
           numbers=["line", "confidence"])

# %% [markdown]
# ### Stories told as "I"
# In a first-person story the narrator speaks too: "I said", "I asked", or an action (*I shrugged. "Fine."*).
# Without a cast file the kit notices the narration saying "I" beside the dialogue and adds a narrator: it takes
# the name the other characters call them by ("Natasha, I'm sorry"), or is listed as **Narrator** when the scene
# never says it. If the kit missed the narrator, tick **tells the story** in the cast list above and save.
#
# The cast the kit used, and who (if anyone) is the narrator:

# %%
[(c.name, "narrator" if c.narrator else "") for c in scene.dialogue.cast]

# %% [markdown]
# ## 4. Fix the speakers
# Read down the list. Where the speaker is wrong, pick the right one; pick **(unknown)** when even you can't
# tell. Each change is saved in a small corrections file beside your scene (a pasted or uploaded scene is kept in
# `my-scenes/`, with its corrections beside it; for the sample, in this folder) and is used by every notebook and
# command from then on. Use **Show** to list only the lines with no speaker.

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
# corrections file (`SCENE.corrections.toml`) and the cast file (`SCENE.cast.toml`) are plain text beside the
# scene; students can hand them in with it, and the commands use them automatically. The same list is available
# on the command line: `python -m workshop quotes my-scene.txt`; a quick cast can be typed there too:
# `--cast "Natasha (she), Bruce (he)"`.
