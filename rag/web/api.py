"""`rag serve --api`: notesqa as an OpenAI-compatible server, so any OpenAI client or chat UI can ask the notes.

``GET /v1/models`` lists one model, ``notesqa``. ``POST /v1/chat/completions`` (streaming or not) answers the
last user message (earlier user messages are the conversation, for follow-ups; system messages are ignored:
notesqa's own prompt and verification apply). The answer text carries the ``[n]`` markers; the citations
come in an extra top-level field, ``citations`` (in the last chunk when streaming), each
``{"n", "file", "start_line", "end_line", "quote", "heading"}``; ``notesqa`` adds refused/mode/timings.
Streaming sends the verified answer, never the model's draft, which may not survive verification.

Who may ask: as for the web UI, loopback needs nothing; anything else needs RAG_API_KEY (sent as the bearer
token) or RAG_AUTH=user:password (HTTP basic, or "user:password" as the bearer token). Either, once set, is
required on loopback too.
"""

from __future__ import annotations

import base64
import hmac
import json
import re
import threading
import time
import uuid

from fastapi import FastAPI, Request  # module level: FastAPI reads the handlers' annotations by name
from fastapi.responses import JSONResponse, StreamingResponse

from ..config import Settings
from ..errors import ConfigError, QuestionError, RagError
from ..models import answer_concurrency
from .auth import LOCAL_HOSTS

MODEL_ID = "notesqa"
QUEUE_WAIT_S = 300  # a request waits this long for a free answering slot before it is told the server is busy
MAX_BODY_BYTES = 2_000_000  # a long conversation is tens of KB; a bigger body is refused before it is parsed
KEEPALIVE_S = 5.0  # while an answer is being written and checked, a comment line keeps proxies from timing out


def check_api_bind(settings: Settings) -> None:
    """Serving the API beyond this machine needs a key or a password."""
    if (settings.host or "").strip().lower() in LOCAL_HOSTS or settings.api_key or settings.auth:
        return
    raise ConfigError(f"refusing to serve the API on {settings.host} without a key: set RAG_API_KEY (clients send it "
                      "as their API key) or RAG_AUTH=user:password, or use --host 127.0.0.1")


def _allowed(settings: Settings, header: str) -> bool:
    scheme, _, value = (header or "").partition(" ")
    value = value.strip()
    secrets = [s for s in (settings.api_key, settings.auth) if s]
    if scheme.lower() == "basic" and settings.auth:
        try:
            value = base64.b64decode(value, validate=True).decode("utf-8")
        except ValueError:
            return False
        return hmac.compare_digest(value.encode(), settings.auth.encode())
    return scheme.lower() == "bearer" and any(hmac.compare_digest(value.encode(), s.encode()) for s in secrets)


def _error(status: int, message: str, kind: str = "invalid_request_error", code: str | None = None):
    if status < 500:  # one line in the server log per rejected request
        import logging

        logging.getLogger("rag").warning("rejected a request (%d): %s", status, message)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": {"message": message, "type": kind, "code": code}}, status_code=status, headers=headers)


def _text(content) -> str:
    """A message's text: a string, or the text parts of a list of parts."""
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict) and p.get("type", "text") == "text")
    return "" if content is None else str(content)


def parse_request(body) -> tuple[str, list[str], bool]:
    """(question, earlier questions, stream) from a chat request, or QuestionError naming what is wrong."""
    if not isinstance(body, dict):
        raise QuestionError("the request body must be a JSON object with 'model' and 'messages'")
    if body.get("model") not in (None, MODEL_ID):
        raise LookupError(f"model {body.get('model')!r} does not exist; this server has one model: {MODEL_ID!r}")
    messages = body.get("messages")
    if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
        raise QuestionError("'messages' must be a list of {role, content} objects")
    asked = [_text(m.get("content")) for m in messages if m.get("role") == "user"]
    if not asked:
        raise QuestionError("no user message: send the question as a message with role 'user'")
    from ..pipeline import cap_history  # bounded in count and size like the question

    return asked[-1], cap_history([q for q in asked[:-1] if q.strip()]), bool(body.get("stream"))


def extra_fields(answer) -> dict:
    """The documented fields beside the OpenAI ones: citations, and what notesqa knows about the answer."""
    return {
        "citations": [{**c.to_dict(), "heading": c.heading} for c in answer.citations],
        "notesqa": {"refused": answer.refused, "mode": answer.mode, "model": answer.model,
                    "timings": answer.to_json()["timings"]},
    }


def create_api(pipeline):
    """The FastAPI app around a Pipeline (or anything with ``settings`` and ``ask_stream``); does not serve."""
    from ..answer import clean_question

    settings = pipeline.settings
    slots = threading.BoundedSemaphore(answer_concurrency(settings))
    api = FastAPI(title="notesqa", docs_url=None, redoc_url=None, openapi_url=None)

    @api.middleware("http")
    async def authenticate(request: Request, call_next):
        if (settings.api_key or settings.auth) and not _allowed(settings, request.headers.get("authorization", "")):
            return _error(401, "missing or wrong API key: send RAG_API_KEY (or RAG_AUTH's user:password) as the "
                               "bearer token", code="invalid_api_key")
        return await call_next(request)

    @api.get("/v1/models")
    def models():
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "notesqa"}]}

    @api.post("/v1/chat/completions")
    async def chat(request: Request):
        try:
            if int(request.headers.get("content-length") or 0) > MAX_BODY_BYTES:
                return _error(413, f"the request is larger than {MAX_BODY_BYTES:,} bytes; send a shorter conversation")
            question, history, stream = parse_request(await request.json())
            clean_question(question)  # an empty question is a 400 before any work
        except LookupError as err:
            return _error(404, str(err), code="model_not_found")
        except (QuestionError, ValueError) as err:
            return _error(400, str(err) if isinstance(err, QuestionError) else "the request body is not valid JSON")
        ident, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        base = {"id": ident, "created": created, "model": MODEL_ID}
        if stream:
            return StreamingResponse(_events(pipeline, slots, question, history, base), media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        from starlette.concurrency import run_in_threadpool

        try:
            answer = await run_in_threadpool(_answer, pipeline, slots, question, history)
        except _Busy as err:
            return _error(503, str(err), kind="server_error", code="busy")
        except RagError as err:
            return _error(503 if "model server" in str(err) else 400, str(err), kind="server_error")
        except Exception as err:  # a bug: one line for the client, the details in the server log
            import logging

            logging.getLogger("rag").exception("answering over the API failed")
            return _error(500, f"something went wrong ({type(err).__name__}); please try again", kind="server_error")
        tokens = answer.timings.get("completion_tokens") or 0
        return JSONResponse({
            **base, "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": answer.answer}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 0, "completion_tokens": tokens, "total_tokens": tokens},
            **extra_fields(answer),
        })

    return api


class _Busy(RagError):
    pass


def _answer(pipeline, slots, question: str, history: list[str], on_token=None):
    if not slots.acquire(timeout=QUEUE_WAIT_S):
        raise _Busy(f"every answering slot was busy for {QUEUE_WAIT_S} s; ask again, or raise RAG_CONCURRENCY "
                    "if the model server has room")
    try:
        answer = None
        for kind, value in pipeline.ask_stream(question, history=history):
            if kind == "token" and on_token:
                on_token()
            elif kind == "answer":
                answer = value
        if answer is None:
            raise RagError("no answer came back; please ask again")
        return answer
    finally:
        slots.release()


def _events(pipeline, slots, question: str, history: list[str], base: dict):
    """Server-sent events: the role, a comment now and then while the answer is made, the verified answer in
    word pieces, a last chunk with the citations, then [DONE]; an error event if answering fails."""

    def event(delta: dict, finish=None, **extra) -> str:
        chunk = {**base, "object": "chat.completion.chunk",
                 "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    outcome: dict = {}
    worker = threading.Thread(target=_run, args=(outcome, pipeline, slots, question, history), daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(KEEPALIVE_S)
        if worker.is_alive():
            yield ": answering\n\n"
    if "error" in outcome:
        yield f"data: {json.dumps({'error': {'message': outcome['error'], 'type': 'server_error'}})}\n\n"
        yield "data: [DONE]\n\n"
        return
    answer = outcome["answer"]
    for piece in re.findall(r"\S+\s*|\s+", answer.answer):
        yield event({"content": piece})
    yield event({}, "stop", **extra_fields(answer))
    yield "data: [DONE]\n\n"


def _run(outcome: dict, pipeline, slots, question: str, history: list[str]) -> None:
    try:
        outcome["answer"] = _answer(pipeline, slots, question, history)
    except RagError as err:
        outcome["error"] = str(err)
    except Exception as err:  # a bug: one line for the client, the details in the server log
        import logging

        logging.getLogger("rag").exception("answering over the API failed")
        outcome["error"] = f"something went wrong ({type(err).__name__}); please try again"


def serve_api(settings: Settings) -> None:
    """Check, load the models and index, then serve until Ctrl-C (what `rag serve --api` does)."""
    import uvicorn

    from ..pipeline import Pipeline
    from .serve import port_in_use, port_message, url

    check_api_bind(settings)
    if port_in_use(settings.host, settings.port):
        raise ConfigError(port_message(settings))
    pipeline = Pipeline(settings)
    print("notesqa: loading models and index…", flush=True)
    pipeline.answerer()
    print(f"notesqa API is running at {url(settings)}/v1  (model {MODEL_ID!r}; Ctrl-C to stop)", flush=True)
    uvicorn.run(create_api(pipeline), host=settings.host, port=settings.port, log_level="warning",
                timeout_keep_alive=30)
