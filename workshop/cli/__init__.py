"""One module per command-line command; see :mod:`workshop.cli.main`."""
