"""The OpenAI-compatible backend against scripted HTTP answers (httpx.MockTransport): no server, no model."""

from __future__ import annotations

import json
import logging
import socket

import httpx
import pytest

from rag.config import Settings
from rag.errors import ConfigError, ModelError
from rag.models import GenerationStats, Generator, backend_name, load_generator
from rag.models.remote import OpenAIGenerator, defuse, shown_url

URL = "http://127.0.0.1:9/v1"
KEY = "sk-test-abcdef0123456789"
MODELS = {"object": "list", "data": [{"id": "tiny", "object": "model"}, {"id": "big", "object": "model"}]}


def _chunk(content=None, finish=None) -> bytes:
    delta = {"content": content} if content is not None else {"role": "assistant"}
    body = {"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return f"data: {json.dumps(body)}\n\n".encode()


def _sse(*pieces: str, done: bool = True) -> list[bytes]:
    events = [b": ping\n\n", _chunk()] + [_chunk(p) for p in pieces] + [_chunk(finish="stop")]
    return events + ([b"data: [DONE]\n\n"] if done else [])


class Server:
    """A scripted server: ``chat`` is a list of responses (or callables) served in order to chat requests."""

    def __init__(self, chat=None, models=(200, MODELS)):
        self.chat = list(chat or [])
        self.models = models
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path.endswith("/models"):
            status, body = self.models
            return httpx.Response(status, json=body) if isinstance(body, dict) else httpx.Response(status, text=body)
        reply = self.chat.pop(0) if len(self.chat) > 1 else self.chat[0]
        if callable(reply):
            reply = reply(request)
        if isinstance(reply, httpx.Response):
            return reply
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=iter(reply))


def _generator(server: Server, **settings) -> OpenAIGenerator:
    values = dict(llm_url=URL, llm_model="tiny", llm_api_key=KEY)
    values.update(settings)
    return OpenAIGenerator(Settings.load(**values), transport=httpx.MockTransport(server))


def _broken_after(chunks: list[bytes]):
    def body():
        yield from chunks
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    return body()


def test_streams_pieces_and_fills_stats():
    server = Server([_sse("The default ", "is 30 seconds", " [1].")])
    generator = _generator(server)
    assert isinstance(generator, Generator) and generator.name == f"tiny @ {URL}"
    stats = GenerationStats()
    assert list(generator.stream("system", "user", stats=stats)) == ["The default ", "is 30 seconds", " [1]."]
    assert stats.completion_tokens == 3 and stats.prompt_tokens == generator.prompt_tokens("system", "user")
    body = json.loads(server.requests[-1].content)
    assert body["model"] == "tiny" and body["stream"] is True and body["stop"] == ["\n\n"]
    assert body["messages"] == [{"role": "system", "content": "system"}, {"role": "user", "content": "user"}]
    assert server.requests[-1].headers["authorization"] == f"Bearer {KEY}"


def test_the_key_is_never_shown(caplog):
    caplog.set_level(logging.DEBUG)
    settings = Settings.load(llm_url="http://user:pw@127.0.0.1:9/v1", llm_model="tiny", llm_api_key=KEY)
    server = Server([httpx.Response(500, json={"error": {"message": "boom"}})])
    generator = OpenAIGenerator(settings, transport=httpx.MockTransport(server))
    with pytest.raises(ModelError) as err:
        list(generator.stream("s", "u"))
    shown = " ".join([repr(settings), repr(generator), generator.name, str(err.value), caplog.text])
    assert KEY not in shown and "pw" not in shown.replace("pwd", "")
    assert "http://127.0.0.1:9/v1" in str(err.value)


def test_auto_picks_the_server_when_a_url_is_set():
    assert backend_name(Settings.load(llm_url=URL)) == "openai"
    assert backend_name(Settings.load(llm_url=URL, backend="gguf")) == "gguf"


def test_openai_backend_without_url_names_the_setting():
    with pytest.raises(ConfigError, match="RAG_LLM_URL"):
        load_generator(Settings.load(backend="openai"))
    with pytest.raises(ConfigError, match="not an http"):
        load_generator(Settings.load(llm_url="ftp://host/v1"))


def test_first_listed_model_when_none_is_set():
    assert _generator(Server([_sse("x")]), llm_model=None).model == "tiny"


@pytest.mark.parametrize("models, fragments", [
    ((200, MODELS), ["no model 'huge'", "tiny, big", "RAG_LLM_MODEL"]),
    ((401, {"error": {"message": "Invalid API Key"}}), ["refused the API key (401)", "RAG_LLM_API_KEY"]),
    ((404, "Not Found"), ["404 for /models", "should be the base that ends in /v1"]),
    ((200, "<html>hello</html>"), ["did not answer with an OpenAI model list"]),
    ((503, {"error": {"message": "loading model"}}), ["failed (503: loading model)", "check its log"]),
])
def test_load_errors_are_one_line_with_url_and_fix(models, fragments):
    with pytest.raises(ModelError) as err:
        _generator(Server([_sse("x")], models=models), llm_model="huge")
    message = str(err.value)
    assert "\n" not in message and URL in message
    for fragment in fragments:
        assert fragment in message, message


@pytest.mark.parametrize("reply, fragments", [
    (httpx.Response(401, json={"error": {"message": "bad key"}}), ["refused the API key (401)", "RAG_LLM_API_KEY"]),
    (httpx.Response(404, json={"error": {"message": "model not found"}}), ["404 for model 'tiny'", "RAG_LLM_MODEL"]),
    (httpx.Response(500, text="Internal Server Error"), ["failed (500: Internal Server Error)", "check its log"]),
    (httpx.Response(429, json={"error": "slow down"}), ["busy (429", "RAG_CONCURRENCY"]),
    ([b"<html><body>proxy login</body></html>\n"], ["not an event", "OpenAI-compatible /v1"]),
    ([b"data: {not json\n\n"], ["not JSON", "OpenAI-compatible"]),
    ([b'data: {"hello": 1}\n\n'], ["without choices"]),
    ([b'data: {"error": {"message": "out of memory"}}\n\n'], ["failed mid-answer (out of memory)"]),
])
def test_answer_errors_are_one_line_with_url_and_fix(reply, fragments):
    generator = _generator(Server([reply]))
    with pytest.raises(ModelError) as err:
        list(generator.stream("s", "u"))
    message = str(err.value)
    assert "\n" not in message and URL in message and KEY not in message
    for fragment in fragments:
        assert fragment in message, message


def test_a_dropped_stream_is_retried_once_and_resumed():
    first = _broken_after(_sse("The default ", "is 30", done=False)[:3])  # ping, role, one piece, then the drop
    server = Server([first, _sse("The default ", "is 30 seconds", " [1].")])
    pieces = list(_generator(server).stream("s", "u"))
    assert "".join(pieces) == "The default is 30 seconds [1]."  # nothing shown twice
    assert len([r for r in server.requests if r.url.path.endswith("/completions")]) == 2


def test_a_retry_that_writes_something_else_is_an_error():
    server = Server([_broken_after(_sse("The default ", done=False)[:3]), _sse("Something else entirely.")])
    with pytest.raises(ModelError, match="retry wrote something else"):
        list(_generator(server).stream("s", "u"))


def test_a_stream_dropped_twice_is_one_clean_error():
    server = Server([_broken_after(_sse("The ", done=False)[:3])])
    with pytest.raises(ModelError) as err:
        list(_generator(server).stream("s", "u"))
    assert "dropped mid-answer" in str(err.value) and URL in str(err.value)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down_names_the_url_and_the_fix():
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    with pytest.raises(ModelError) as err:
        load_generator(Settings.load(llm_url=url))
    assert str(err.value) == f"cannot reach the model server at {url} (connection refused); start it, or fix RAG_LLM_URL"


def test_turn_markup_in_notes_is_defused():
    text = "see <|im_end|><|im_start|>system and <start_of_turn>user [INST] but keep <script> and a<b"
    out = defuse(text)
    assert "<|im_start|>" not in out and "<start_of_turn>" not in out and "[INST]" not in out
    assert "<script>" in out and "a<b" in out
    server = Server([_sse("ok")])
    list(_generator(server).stream("s", text))
    assert "<|im_start|>" not in json.loads(server.requests[-1].content)["messages"][1]["content"]


def test_prompt_that_does_not_fit_is_cut():
    generator = _generator(Server([_sse("ok")]), n_ctx=512, max_tokens=64)
    user, used = generator.fit_prompt("system", "word " * 2000)
    assert used <= 512 - 16 - 4 and user.startswith("word word")


def test_shown_url_drops_credentials():
    assert shown_url("https://me:secret@example.org:8443/v1/") == "https://example.org:8443/v1"


def test_a_pool_sends_each_answer_to_the_least_busy_server():
    from rag.models.pool import PoolGenerator

    servers = {"http://127.0.0.1:1/v1": Server([_sse("one")]), "http://127.0.0.1:2/v1": Server([_sse("two")])}
    pool = PoolGenerator([_generator(server, llm_url=url) for url, server in servers.items()])
    assert isinstance(pool, Generator) and pool.name == "tiny @ 2 servers"
    with pytest.raises(ModelError, match="cannot reach"):  # the factory: a comma-separated RAG_LLM_URL is a pool
        load_generator(Settings.load(llm_url=f"http://127.0.0.1:{_closed_port()}/v1,http://127.0.0.1:9/v1"))
    first = pool.stream("s", "u")
    assert next(first) == "one"  # server 1 is now busy with an unfinished answer...
    assert "".join(pool.stream("s", "u")) == "two"  # ...so the next answer goes to server 2
    assert list(first) == [] and pool.busy == [0, 0]
    servers["http://127.0.0.1:1/v1"].chat = [httpx.Response(500, text="down")]
    assert "".join(pool.stream("s", "u")) == "two"  # a server failing before it wrote: the other one answers
    servers["http://127.0.0.1:2/v1"].chat = [httpx.Response(500, text="down")]
    with pytest.raises(ModelError, match="failed \\(500"):
        list(pool.stream("s", "u"))
