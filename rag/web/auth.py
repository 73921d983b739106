"""Who may reach the web UI: serving beyond this machine needs a password (RAG_AUTH=user:password)."""

from __future__ import annotations

from ..errors import ConfigError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def check_bind(host: str, auth: str | None) -> None:
    """Serving beyond this machine needs a password: refuse a non-local host without RAG_AUTH."""
    if (host or "").strip().lower() in LOCAL_HOSTS:
        return
    if not auth or ":" not in auth or not auth.split(":", 1)[0] or not auth.split(":", 1)[1]:
        raise ConfigError(
            f"refusing to serve on {host} without a password: set RAG_AUTH=user:password, "
            "or use --host 127.0.0.1 to keep the UI on this machine"
        )


def auth_pair(auth: str | None) -> tuple[str, str] | None:
    if not auth:
        return None
    user, _, password = auth.partition(":")
    return (user, password)
