"""The web UI (Gradio): page layout (app), event handlers, HTML rendering, note viewer, auth, serving.

Nothing in the core package imports from here; `rag serve` and the `app.py` shim start it via
:func:`rag.web.serve.serve`. Importing this package does not import Gradio.
"""
