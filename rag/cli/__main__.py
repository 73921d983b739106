"""`python -m rag.cli`: the same as the `rag` command."""

from . import main

main()
