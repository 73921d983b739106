"""`python app.py` (what `make run` runs) serves the web UI, like `rag serve`. The UI lives in rag/web/."""

from rag.web.serve import main

if __name__ == "__main__":
    main()
