"""The web UI's stylesheet (system fonts only: the page works offline and fetches nothing)."""

CSS = """
.gradio-container { max-width: 1400px !important; }
#nq-header h1 { margin: 0; font-size: 1.5rem; }
#nq-header p { margin: 2px 0 0; color: var(--body-text-color-subdued); }
#nq-status { min-height: 1.6em; }
.nq-status { font-size: 0.85rem; color: var(--body-text-color-subdued); padding: 2px 4px; }
.nq-status span + span::before { content: ""; }
.nq-status.nq-error-state { color: #b45309; }
.nq-standalone { margin-top: 2px; font-style: italic; }
.nq-msg { line-height: 1.5; }
#nq-chat .example { border: 1px solid var(--border-color-primary); border-radius: 10px; background: var(--background-fill-secondary);
  padding: 10px 14px; text-align: left; }
#nq-ask, #nq-clear { white-space: nowrap; }
#nq-chat .example:hover { border-color: var(--color-accent, #6366f1); }
.nq-cite { font-size: 0.8em; font-weight: 600; text-decoration: none; color: var(--color-accent, #4f46e5); }
.nq-badges { margin-top: 6px; }
.nq-badge { display: inline-block; font-size: 0.72rem; font-weight: 600; letter-spacing: 0.02em; padding: 1px 7px;
  border-radius: 999px; background: var(--background-fill-secondary); color: var(--body-text-color-subdued);
  border: 1px solid var(--border-color-primary); margin-right: 6px; vertical-align: 1px; }
.nq-badge-info { background: #e0e7ff; color: #3730a3; border-color: #c7d2fe; }
.nq-badge-warn { background: #fef3c7; color: #92400e; border-color: #fde68a; }
.nq-badge-error { background: #fee2e2; color: #991b1b; border-color: #fecaca; }
.nq-refusal { color: var(--body-text-color-subdued); border-left: 3px solid #a5b4fc; padding: 2px 0 2px 10px; }
.nq-refusal-text { margin-top: 4px; font-style: italic; }
.nq-hint { font-size: 0.8rem; margin-top: 2px; }
.nq-error { border-left: 3px solid #f59e0b; padding: 2px 0 2px 10px; }
.nq-draft { opacity: 0.75; }
.nq-draft-note { font-size: 0.75rem; color: var(--body-text-color-subdued); margin-top: 4px; font-style: italic; }
.nq-caret { animation: nq-blink 1s steps(2) infinite; }
@keyframes nq-blink { 50% { opacity: 0; } }
.nq-unverified { margin-top: 8px; padding: 6px 10px; border: 1px dashed #f59e0b; border-radius: 8px; font-size: 0.85rem; }
.nq-unverified ul { margin: 4px 0 0; padding-left: 0; list-style: none; }
.nq-unverified li { margin: 3px 0; }
.nq-reason { color: var(--body-text-color-subdued); font-size: 0.8rem; }
.nq-unverified-title { color: #92400e; font-weight: 600; }
.nq-panel-title { font-weight: 600; font-size: 0.9rem; margin: 0 0 8px; color: var(--body-text-color-subdued); }
.nq-empty { color: var(--body-text-color-subdued); font-size: 0.9rem; padding: 18px 8px; text-align: center;
  border: 1px dashed var(--border-color-primary); border-radius: 10px; }
.nq-src { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px; margin-bottom: 10px;
  background: var(--background-fill-primary); }
.nq-src-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.nq-src-n { font-weight: 700; color: var(--color-accent, #4f46e5); }
.nq-src-file { font-family: var(--font-mono, monospace); font-size: 0.85rem; font-weight: 600; word-break: break-all; }
.nq-src-lines, .nq-score { font-size: 0.78rem; color: var(--body-text-color-subdued); }
.nq-src-heading { font-size: 0.8rem; color: var(--body-text-color-subdued); margin-top: 2px; }
.nq-passage { margin-top: 6px; font-size: 0.92rem; line-height: 1.45; }
.nq-passage mark, .nq-context mark { background: #fde68a; color: #111827; border-radius: 3px; padding: 0 2px; }
.nq-near { border-style: dashed; }
.nq-preview { color: var(--body-text-color-subdued); }
.nq-more { margin-top: 6px; }
.nq-more summary { cursor: pointer; font-size: 0.8rem; color: var(--color-accent, #4f46e5); }
.nq-context { font-size: 0.78rem; line-height: 1.4; max-height: 340px; overflow: auto; margin: 6px 0 0; padding: 6px 0;
  background: var(--background-fill-secondary); border-radius: 6px; white-space: normal; }
.nq-line { display: grid; grid-template-columns: 3.6em 1fr; }
.nq-tx { white-space: pre-wrap; word-break: break-word; padding-right: 8px; }
.nq-hit { background: rgba(250, 204, 21, 0.22); }
.nq-ln { padding: 0 10px 0 0; text-align: right; color: var(--body-text-color-subdued); user-select: none; }
.nq-src-warn { font-size: 0.8rem; color: #b45309; margin-top: 4px; }
.nq-index-summary { font-size: 0.85rem; margin-bottom: 6px; }
.nq-index-table { width: 100%; font-size: 0.8rem; border-collapse: collapse; border: none !important; margin: 0 !important; }
.nq-index-table th, .nq-index-table td { text-align: left; padding: 3px 6px !important; border: none !important;
  border-bottom: 1px solid var(--border-color-primary) !important; background: transparent !important; }
.nq-index-table th { font-weight: 600; color: var(--body-text-color-subdued); }
.nq-index-table td:not(.nq-file), .nq-index-table th:not(:first-child) { text-align: right; }
.nq-file { font-family: var(--font-mono, monospace); }
.nq-build-summary { font-size: 0.85rem; font-weight: 600; }
.nq-build-detail, .nq-build-warn { font-size: 0.78rem; color: var(--body-text-color-subdued); }
.nq-build-warn { color: #b45309; }
#nq-header { gap: 2px; }
.nq-context-line { font-size: 0.85rem; color: var(--body-text-color-subdued); }
.nq-context-line code { font-size: 0.8rem; }
.nq-watch { font-size: 0.78rem; color: var(--body-text-color-subdued); }
.nq-watch.nq-refreshing { color: #4338ca; font-weight: 600; }
.nq-watch.nq-refreshing::before { content: "⟳ "; }
.nq-skip { color: #b45309; text-align: left !important; }
"""
