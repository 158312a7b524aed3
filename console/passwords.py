"""Password hashing for the accounts the app checks itself (the one-PC file, a shared login):
salted scrypt, and the normalisation every typed password goes through first.

On the shared server where people sign in as themselves PostgreSQL keeps SCRAM verifiers instead
(``console.accounts``); :func:`normalize_password` applies there too, so a password typed on any
PC's keyboard layout is the same password.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets
import unicodedata

__all__ = ["dummy_hash", "hash_password", "normalize_password", "verify_password"]

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
_MAXMEM = 64 * 1024 * 1024  # n=2**14, r=8 needs 16 MiB; OpenSSL's default ceiling is 32 MiB

# Keyboard variants an Iranian PC may type for the same character.
_SAME_LETTER = str.maketrans(
    {
        "ي": "ی",  # Arabic yeh -> Persian yeh
        "ى": "ی",  # alef maksura
        "ك": "ک",  # Arabic kaf -> Persian keheh
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    }
)


def normalize_password(password: str) -> str:
    """The password as it is hashed: NFC, Persian letters for their Arabic twins, Latin digits.

    On Iranian PCs the same key can type Arabic ي/ك or Persian ی/ک, and digits come out Persian or
    Latin depending on the layout; without this a person could not sign in from another PC.
    """
    return unicodedata.normalize("NFC", password).translate(_SAME_LETTER)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        normalize_password(password).encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=_MAXMEM
    )


def hash_password(password: str) -> str:
    """A new salted scrypt hash of ``password``: ``scrypt$n$r$p$salt_b64$hash_b64``."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the stored hash (constant-time; False for a malformed hash)."""
    try:
        scheme, n_text, r_text, p_text, salt_text, hash_text = stored.split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt = base64.b64decode(salt_text, validate=True)
        expected = base64.b64decode(hash_text, validate=True)
    except (ValueError, AttributeError):
        return False
    # bounds keep a corrupted row from asking scrypt for gigabytes
    if scheme != "scrypt" or not (2 <= n <= 2**17 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4):
        return False
    if not salt or not 16 <= len(expected) <= 128:
        return False
    actual = _scrypt(password, salt, n, r, p, len(expected))
    return hmac.compare_digest(actual, expected)


@functools.cache
def dummy_hash() -> str:
    """A hash nobody's password matches, checked for an unknown username so that it takes as long."""
    return hash_password(secrets.token_urlsafe(24))
