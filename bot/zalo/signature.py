"""Zalo webhook MAC: ``mac=`` + SHA-256(app_id + raw body + body timestamp + OA secret key).

Zalo signs with a plain SHA-256 over a concatenation (not an HMAC); see shared/zalo-oa-api.md §1.2.
The raw body must be hashed exactly as received: re-serialising parsed JSON changes the bytes.
"""

from __future__ import annotations

import hashlib
import hmac

HEADER = "X-ZEvent-Signature"
PREFIX = "mac="


def compute_mac(app_id: str, raw_body: bytes, timestamp: str, secret: str) -> str:
    """Return the 64-char lowercase hex MAC Zalo would send (without the ``mac=`` prefix)."""
    digest = hashlib.sha256()
    digest.update(app_id.encode("utf-8", "surrogatepass"))
    digest.update(raw_body)
    # Never raise on what a body claims to be its timestamp: a mismatch is the answer, not a crash.
    digest.update(timestamp.encode("utf-8", "surrogatepass"))
    digest.update(secret.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def header_value(app_id: str, raw_body: bytes, timestamp: str, secret: str) -> str:
    """The full ``X-ZEvent-Signature`` header value, as the emulator and tests send it."""
    return PREFIX + compute_mac(app_id, raw_body, timestamp, secret)


def verify(header: str | None, app_id: str, raw_body: bytes, timestamp: str, secret: str) -> bool:
    """Constant-time check of a received header against the expected MAC."""
    if not header:
        return False
    got = header.strip()
    if got[:4].lower() == PREFIX:
        got = got[4:]
    if len(got) != 64:
        return False
    want = compute_mac(app_id, raw_body, timestamp, secret)
    return hmac.compare_digest(want, got.lower())
