"""Remote backend: any OpenAI-compatible server (llama.cpp's, Ollama, vLLM) over /v1/chat/completions, streamed.

The answerer's prompt, verification and citations are the same as in-process; only the writing happens
elsewhere. Every failure becomes one :class:`ModelError` line that names the server and the fix. The API
key is sent as a bearer token and never logged, shown in a name, an error or a repr.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from typing import Iterator
from urllib.parse import urlsplit, urlunsplit

import httpx

from ..errors import ConfigError, ModelError
from ..tokens import count_tokens
from .base import MIN_ANSWER_TOKENS, GenerationStats

log = logging.getLogger("rag")

# Prompt size without the server's tokenizer: tiktoken's cl100k count times this margin. Smaller vocabularies
# need more tokens for the same text. Measured on this corpus in 20-line blocks: SmolLM2 (49k vocabulary)
# 1.08x cl100k overall, 1.26x at p95, 1.34x at most; Gemma 3 (262k) 1.02x, 1.10x at p95. 1.3 covers nearly all
# of it (tests/test_remote_server.py checks the prompts), and the answerer keeps max_tokens spare besides.
TOKEN_MARGIN = 1.3
TEMPLATE_TOKENS = 32  # chat-template overhead per prompt (role markers, BOS), as in-process
STOP = ["\n\n"]  # as in-process: the answer is one short paragraph
# Chat-turn markup of common templates (ChatML/Llama 3 "<|...|>", Gemma "<start_of_turn>", Mistral "[INST]"):
# the server tokenizes messages with special tokens on, so a note holding "<|im_start|>system" could open a
# real turn. Without the remote vocabulary we defuse every piece of that shape (notes are data, never turns).
_TURN_MARKUP = re.compile(r"<\|[^<>|\s]{1,40}\|>|</?(?:start|end)_of_turn>|\[/?INST\]")


def shown_url(url: str) -> str:
    """``url`` as it may appear in messages and logs: without any user:password@ part."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


def defuse(text: str) -> str:
    """``text`` with chat-turn markup made inert ('<|im_start|>' -> '‹|im_start|›')."""
    return _TURN_MARKUP.sub(lambda m: m.group(0).replace("<", "\u2039").replace(">", "\u203a")
                            .replace("[", "\u27e6").replace("]", "\u27e7"), text)


class _Dropped(Exception):
    """The connection broke before the answer was complete: worth one retry."""


class OpenAIGenerator:
    """Streams answers from an OpenAI-compatible server; thread-safe, so several sessions can ask at once.

    Implements :class:`rag.models.Generator`. Loading checks the server is there, takes the key, and
    serves the model (``RAG_LLM_MODEL``, or the only/first one it lists when unset).
    """

    def __init__(self, settings, transport: httpx.BaseTransport | None = None):
        self.settings = settings
        url = (settings.llm_url or "").strip()
        if not url:
            raise ConfigError("the 'openai' backend needs a server: set RAG_LLM_URL (e.g. http://127.0.0.1:8080/v1)")
        try:
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                raise ValueError(url)
            self.url = shown_url(url)
        except ValueError:
            raise ConfigError("RAG_LLM_URL is not an http(s) URL; use e.g. http://127.0.0.1:8080/v1") from None
        headers = {"Accept": "text/event-stream, application/json"}
        if settings.llm_api_key:
            headers["Authorization"] = f"Bearer {settings.llm_api_key}"
        timeout = httpx.Timeout(settings.llm_read_timeout, connect=settings.llm_connect_timeout)
        parts = urlsplit(url)  # credentials in the URL go in an auth header, so no log line ever shows them
        auth = (parts.username or "", parts.password or "") if parts.username or parts.password else None
        self._client = httpx.Client(base_url=self.url + "/", headers=headers, timeout=timeout, auth=auth,
                                    transport=transport, limits=httpx.Limits(max_connections=max(8, settings.concurrency * 2)))
        self.model = self._pick_model(settings.llm_model)
        shown = self.model.rsplit("/", 1)[-1] if self.model.endswith(".gguf") else self.model  # not a long path
        self.name = f"{shown} @ {self.url}"

    def __repr__(self) -> str:
        return f"OpenAIGenerator(model={self.model!r}, url={self.url!r})"

    @property
    def n_ctx(self) -> int:
        return self.settings.n_ctx  # the server's context is not in the OpenAI API: RAG_N_CTX says it

    def prompt_tokens(self, system: str, user: str) -> int:
        return math.ceil((count_tokens(system) + count_tokens(user)) * TOKEN_MARGIN) + TEMPLATE_TOKENS

    def fit_prompt(self, system: str, user: str, reserve: int = MIN_ANSWER_TOKENS) -> tuple[str, int]:
        """``user``, cut at the end if need be, so the prompt leaves ``reserve`` tokens of n_ctx; and its size."""
        limit = self.n_ctx - reserve - 4
        used = self.prompt_tokens(system, user)
        if used > limit:
            log.warning("the prompt was about %d tokens too long for n_ctx %d; its end was cut", used - limit, self.n_ctx)
        while used > limit and user:
            user = user[: int(len(user) * min(0.95, limit / used))]
            used = self.prompt_tokens(system, user)
        return user, used

    def close(self) -> None:
        self._client.close()

    # -- the server ----------------------------------------------------------------------------------
    def _pick_model(self, wanted: str | None) -> str:
        try:
            response = self._request_once("GET", "models")
        except _Dropped as err:
            raise self._down(err) from None
        if response.status_code == 404:
            raise ModelError(f"no OpenAI-compatible API at {self.url} (404 for /models); "
                             "RAG_LLM_URL should be the base that ends in /v1, e.g. http://127.0.0.1:8080/v1")
        if response.status_code != 200:
            raise self._status_error(response, wanted or "")
        try:
            served = [str(m["id"]) for m in response.json()["data"]]
        except (ValueError, KeyError, TypeError):
            raise ModelError(f"{self.url}/models did not answer with an OpenAI model list; "
                             "check RAG_LLM_URL points at an OpenAI-compatible /v1 endpoint") from None
        if wanted and served and wanted not in served:
            listed = ", ".join(served[:5]) + (" …" if len(served) > 5 else "")
            raise ModelError(f"the model server at {self.url} has no model {wanted!r} (it serves: {listed}); "
                             "set RAG_LLM_MODEL to one of those")
        if not wanted and not served:
            raise ModelError(f"the model server at {self.url} lists no models; set RAG_LLM_MODEL to the model's name")
        return wanted or served[0]

    def _request_once(self, method: str, path: str) -> httpx.Response:
        """One request, retried once when the connection fails (a server restarting, a dropped keep-alive)."""
        for attempt in (1, 2):
            try:
                return self._client.request(method, path)
            except httpx.TimeoutException as err:
                raise self._timeout(err) from None
            except (httpx.TransportError, httpx.InvalidURL) as err:
                if attempt == 2:
                    raise _Dropped(_reason(err)) from None
        raise AssertionError("unreachable")

    def _down(self, err: Exception) -> ModelError:
        return ModelError(f"cannot reach the model server at {self.url} ({err}); start it, or fix RAG_LLM_URL")

    def _timeout(self, err: Exception) -> ModelError:
        which = "RAG_LLM_CONNECT_TIMEOUT" if isinstance(err, httpx.ConnectTimeout) else "RAG_LLM_READ_TIMEOUT"
        return ModelError(f"the model server at {self.url} did not answer in time ({type(err).__name__}); "
                          f"check it is not overloaded, or raise {which}")

    def _status_error(self, response: httpx.Response, model: str) -> ModelError:
        status, detail = response.status_code, _detail(response)
        if status in (401, 403):
            fix = "set RAG_LLM_API_KEY to a key it accepts" if self.settings.llm_api_key else "it needs a key: set RAG_LLM_API_KEY"
            return ModelError(f"the model server at {self.url} refused the API key ({status}); {fix}")
        if status == 404:
            return ModelError(f"the model server at {self.url} answered 404 for model {model!r} ({detail}); "
                              "set RAG_LLM_MODEL to a model it serves (see /v1/models)")
        if status == 429:
            return ModelError(f"the model server at {self.url} is busy (429: {detail}); "
                              "ask again shortly, or lower RAG_CONCURRENCY")
        if status >= 500:
            return ModelError(f"the model server at {self.url} failed ({status}: {detail}); check its log, then ask again")
        return ModelError(f"the model server at {self.url} refused the request ({status}: {detail}); "
                          "if the prompt is too long for it, set RAG_N_CTX to its context size")

    def _garbage(self, what: str) -> ModelError:
        return ModelError(f"the model server at {self.url} sent {what}, not OpenAI chat chunks; "
                          "check RAG_LLM_URL points at an OpenAI-compatible /v1 endpoint")

    def _pieces(self, body: dict) -> Iterator[str]:
        """The content pieces of one streamed chat completion (server-sent events)."""
        finished = False
        try:
            with self._client.stream("POST", "chat/completions", json=body) as response:
                if response.status_code != 200:
                    response.read()
                    raise self._status_error(response, body["model"])
                for line in response.iter_lines():
                    if not line or line.startswith(":") or line.startswith(("event:", "id:", "retry:")):
                        continue  # blank separators, keep-alive comments, SSE fields we do not use
                    if not line.startswith("data:"):
                        raise self._garbage(f"a line that is not an event ({line[:40]!r})")
                    data = line[5:].strip()
                    if data == "[DONE]":
                        return
                    try:
                        chunk = json.loads(data)
                    except ValueError:
                        raise self._garbage(f"an event that is not JSON ({data[:40]!r})") from None
                    if isinstance(chunk, dict) and chunk.get("error"):
                        raise ModelError(f"the model server at {self.url} failed mid-answer ({_message(chunk)}); "
                                         "check its log, then ask again")
                    choices = chunk.get("choices") if isinstance(chunk, dict) else None
                    if not isinstance(choices, list):
                        raise self._garbage("an event without choices")
                    for choice in choices[:1]:
                        content = (choice.get("delta") or {}).get("content") if isinstance(choice, dict) else None
                        if content:
                            yield str(content)
                        finished = finished or bool(isinstance(choice, dict) and choice.get("finish_reason"))
        except httpx.TimeoutException as err:
            raise self._timeout(err) from None
        except (httpx.TransportError, httpx.InvalidURL) as err:
            raise _Dropped(_reason(err)) from None
        if not finished:
            raise _Dropped("the stream ended before the answer was complete")

    def stream(
        self, system: str, user: str, max_tokens: int | None = None, stats: GenerationStats | None = None
    ) -> Iterator[str]:
        """Yield text pieces as the server writes them.

        A connection that drops is retried once. When part of the answer was already shown, the retry must
        write the same start (greedy decoding does) and only the rest is yielded; otherwise the error is raised.
        """
        stats = stats if stats is not None else GenerationStats()
        started = time.perf_counter()
        system, user = defuse(system), defuse(user)
        user, stats.prompt_tokens = self.fit_prompt(system, user)
        budget = max(8, min(max_tokens or self.settings.max_tokens, self.n_ctx - stats.prompt_tokens - 4))
        body = {"model": self.model, "stream": True, "max_tokens": budget, "temperature": self.settings.temperature,
                "seed": self.settings.seed, "stop": STOP,
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}]}
        try:  # the caller may stop reading early (rag.answer.lead): the time is still recorded
            shown = ""  # what has been yielded so far
            for attempt in (1, 2):
                text = ""
                try:
                    for piece in self._pieces(body):
                        text += piece
                        if len(text) <= len(shown):
                            if not shown.startswith(text):
                                raise ModelError(f"the connection to the model server at {self.url} dropped mid-answer "
                                                 "and the retry wrote something else; ask again")
                            continue
                        if not text.startswith(shown):
                            raise ModelError(f"the connection to the model server at {self.url} dropped mid-answer "
                                             "and the retry wrote something else; ask again")
                        new, shown = text[len(shown):], text
                        if stats.completion_tokens == 0:
                            stats.first_token_ms = (time.perf_counter() - started) * 1000
                        stats.completion_tokens += 1
                        yield new
                    break
                except _Dropped as err:
                    if attempt == 2 or (shown and self.settings.temperature > 0):
                        if "refused" in str(err) or "connect" in str(err).lower():
                            raise self._down(err) from None
                        raise ModelError(f"the connection to the model server at {self.url} dropped mid-answer ({err}); "
                                         "check the server is up, then ask again") from None
                    log.warning("the connection to %s dropped (%s); retrying once", self.url, err)
        finally:
            stats.total_ms = (time.perf_counter() - started) * 1000


def _reason(err: Exception) -> str:
    """A transport error in a few words ("connection refused"), never a traceback or a header."""
    text = str(err).strip() or type(err).__name__
    if "refused" in text.lower():
        return "connection refused"
    return text.splitlines()[0][:120]


def _message(payload) -> str:
    error = payload.get("error") if isinstance(payload, dict) else None
    if isinstance(error, dict):
        error = error.get("message") or error.get("type")
    error = error or (payload.get("detail") if isinstance(payload, dict) else None) or payload
    return " ".join(str(error).split())[:160]


def _detail(response: httpx.Response) -> str:
    try:
        return _message(response.json())
    except ValueError:
        return " ".join(response.text.split())[:160] or response.reason_phrase
