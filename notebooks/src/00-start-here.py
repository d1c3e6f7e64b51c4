# %% [markdown]
# # 00 · Start here
#
# **What you'll do:** check that the kit works on this computer, meet the sample scene, and learn how to run a
# notebook.
#
# **What you'll learn:** what Voice Workshop measures, and how the lessons fit together.
#
# **What you need:** about five minutes. No internet: everything the kit uses is already installed.
#
# ### How to run a notebook
# Click in a grey code cell and press **Shift + Enter** to run it and move to the next. Or use the menu
# **Run → Run All Cells**. A number appears beside a cell once it has run. If something looks stuck, use
# **Kernel → Restart Kernel and Run All Cells**.

# %% [markdown]
# ## 1. Is everything here?
# The next cell checks the kit: the sample scene, the reference scenes, the figures of published fiction it
# compares with, the pictures, and the widgets. You should see a table with **✓ yes** on every line. **If you can see
# the table at all, widgets work**: the table is itself a widget.

# %%
from workshop.widgets import check_setup

check_setup()

# %% [markdown]
# ## 2. The sample scene
# Every lesson runs on *The Lighthouse*, a short scene written for the kit. **Agnes Pell**, who has kept the
# Skerry light for thirty-one years, says as little as she can ("Sit." "Ask." "That's enough."). **Owen Tate**,
# the inspector sent to tell her the light will be automated, can't stop talking, and hedges everything ("I
# think, well, I think I'm actually rather late"). The two voices differ in ways you can hear, and the kit can
# count.

# %%
from workshop.text.samples import sample_scene_path

print(sample_scene_path().read_text(encoding="utf-8"))

# %% [markdown]
# ## 3. The lessons
# | notebook | what it does |
# |---|---|
# | 01 Finding the voices | finds every line of dialogue and who says it; you fix the speakers it gets wrong |
# | 02 Readability | how hard each character's lines are to read |
# | 03 Rhythm | sentence length, questions, hesitation: how a voice moves |
# | 04 Word choice | the words each character reaches for |
# | 05 Compare characters | two voices side by side (also runs as an app, with no code) |
# | 06 Against the references | your characters next to reference voices and published fiction |
# | 07 Critique summary | a summary to hand in or discuss, as a file |
#
# Each lesson has a cell near the top where you switch to **your own scene**. Try the next cell now.

# %% [scene]

# %% [markdown]
# ## Your turn
# 1. Run every cell. Is there a **✓ yes** on every line of the check?
# 2. Read the sample scene in full (`texts/sample/the-lighthouse.txt`). Before any numbers: write down three
#    things that make Agnes sound like Agnes, and three for Owen. You'll check them against the numbers later.
# 3. Put your own scene in the "Your scene" cell and run it. How many lines of dialogue did the kit find? Does
#    that match what you expect?
#
# ---
# **Instructor notes.** This notebook is the five-minute setup check at the start of a session: ask everyone to
# run it before the class starts and to raise a hand at any **✗ no**. The most common problem is a kernel that isn't
# the kit's environment (Kernel → Change Kernel). The whole kit works offline; see `docs/classroom.md` for
# laptops, JupyterHub and Binder.
