"""Downloading a citizen's photo from Zalo's attachment URL, without letting the URL point anywhere else.

A photo URL arrives in a webhook event, so it is data a sender controls as far as this code can tell.
The download therefore (docs/security.md, T4):

- goes only to the hosts Zalo serves attachments from (`MEDIA_HOSTS`, each covering its subdomains;
  in the sandbox also the emulator's host), over http(s);
- never follows a redirect blindly: each hop (at most `MAX_REDIRECTS`) is checked like the first;
- resolves the host and refuses loopback, private, link-local, multicast and reserved addresses (the
  sandbox's emulator on loopback is allowed only in sandbox mode), then checks the address actually
  connected to, so a DNS answer that changes between the check and the connection is caught too;
- caps size (Content-Length and while streaming) and the whole download's time;
- removes the partial file on every failure, whatever the exception.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import time
import uuid
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

from bot.config import Settings

MAX_BYTES = 10 * 1024 * 1024
MAX_SECONDS = 60.0
MAX_REDIRECTS = 3
CHUNK = 64 * 1024
TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}


class MediaRefused(ValueError):
    """The URL or its answer is not a photo this bot may fetch; retrying will not change that."""


def _allowed_host(host: str, port: int, settings: Settings) -> bool:
    if host and any(host == d or host.endswith("." + d) for d in settings.media_hosts):
        return True
    return settings.sandbox and (host, port) == _emulator(settings)


def _emulator(settings: Settings) -> tuple[str, int]:
    """The emulator's host and port: the one loopback address the sandbox may fetch from."""
    parts = urlsplit(settings.api_base)
    return (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)


def _emulator_host(settings: Settings) -> str:
    return _emulator(settings)[0]


def _address_allowed(address: str, host: str, settings: Settings) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback and settings.sandbox and host == _emulator_host(settings):
        return True  # the sandbox's emulator, and only in the sandbox
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
                or ip.is_unspecified)


def check_url(url: str, settings: Settings) -> str:
    """The host of `url` if it may be fetched; raises MediaRefused otherwise (before any connection)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise MediaRefused(f"not a URL: {url[:80]}") from exc
    if parts.scheme not in ("http", "https"):
        raise MediaRefused(f"not an http(s) photo URL: {url[:80]}")
    if not _allowed_host(host, port, settings):
        raise MediaRefused(f"photo host {host[:80]!r} is not one Zalo serves attachments from (MEDIA_HOSTS)")
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)}
    except (OSError, UnicodeError) as exc:
        raise MediaRefused(f"photo host {host[:80]!r} does not resolve") from exc
    if not addresses or not all(_address_allowed(a, host, settings) for a in addresses):
        raise MediaRefused(f"photo host {host[:80]!r} resolves to an address this bot does not fetch from")
    return host


def _check_peer(answer: requests.Response, host: str, settings: Settings) -> None:
    sock = getattr(getattr(answer.raw, "connection", None), "sock", None)
    if sock is None:
        return
    peer = sock.getpeername()[0]
    if not _address_allowed(peer, host, settings):
        raise MediaRefused(f"photo host {host[:80]!r} connected to a forbidden address")


def fetch(url: str, folder: Path, stem: str, settings: Settings, *, max_bytes: int = MAX_BYTES,
          max_seconds: float = MAX_SECONDS) -> str:
    """Save the photo at `url` as `folder/<stem>.<ext>`; returns the file name. Raises MediaRefused for
    what no retry can fix, requests errors for what one might; never leaves a partial file behind."""
    deadline = time.monotonic() + max_seconds
    temp = folder / f".{stem}.{uuid.uuid4().hex}.part"
    try:
        for _ in range(MAX_REDIRECTS + 1):
            host = check_url(url, settings)
            timeout = max(0.1, min(settings.zalo_timeout_s, deadline - time.monotonic()))
            with requests.get(url, timeout=timeout, stream=True, allow_redirects=False) as answer:
                _check_peer(answer, host, settings)
                if answer.is_redirect:
                    url = urljoin(url, answer.headers.get("Location", ""))
                    continue
                answer.raise_for_status()
                ext = TYPES.get(answer.headers.get("Content-Type", "").split(";")[0].strip().lower())
                if ext is None:
                    raise MediaRefused("photo URL did not answer with an image")
                declared = answer.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise MediaRefused("photo larger than the limit")
                size = 0
                with temp.open("wb") as fh:
                    for chunk in answer.iter_content(CHUNK):
                        size += len(chunk)
                        if size > max_bytes:
                            raise MediaRefused("photo larger than the limit")
                        if time.monotonic() > deadline:
                            raise TimeoutError("photo download took longer than its time budget")
                        fh.write(chunk)
            name = f"{stem}.{ext}"
            os.replace(temp, folder / name)
            return name
        raise MediaRefused("photo URL redirected too many times")
    finally:
        temp.unlink(missing_ok=True)
