"""Recognising what people type (rule 11): one form for letters, digits, phone numbers and emails.

Text typed on an Arabic keyboard layout, or mail from Outlook on a Persian Windows (windows-1256 has
no Persian ی), carries Arabic ي/ى and ك; digits arrive Persian (۰-۹), Arabic-Indic (٠-٩) or Latin.
Everything stored or compared goes through here first, so that one customer is found whichever form
was typed. The zero-width non-joiner (U+200C) is part of Persian spelling and is kept.

Phone numbers are stored in E.164 (``+98…``). Iranian numbers are written in many ways: ``0912 345
6789``, ``912-345-6789``, ``+98 912 345 6789``, ``0098 912…``, ``۰۹۱۲…``, and landlines with their
area code ``021 8888 7777``. A number from another country must carry its ``+`` or ``00`` prefix.
"""

from __future__ import annotations

import re

ZWNJ = "\u200c"

# Arabic letter forms to the Persian ones (keyboard layouts and windows-1256 produce the former).
_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي Arabic yeh -> ی Farsi yeh
        "\u0649": "\u06cc",  # ى alef maksura -> ی
        "\u0643": "\u06a9",  # ك Arabic kaf -> ک keheh
    }
)
_DIGITS = str.maketrans(
    {**{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}}
)
# Marks that change nothing a reader sees: bidi controls, the zero-width space and joiner, and the
# kashida (tatweel) used to stretch words. ZWNJ is not among them.
_INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]")
_SPACES = re.compile(r"\s+")

MAX_EMAIL = 254
# local@domain: no spaces, one @, a dotted domain of letters, digits and hyphens (IDN allowed).
_EMAIL = re.compile(r"^[^\s@<>(),;:\"\[\]]+@([^\s@<>(),;:\"\[\]_.]+\.)+[^\s@<>(),;:\"\[\]_.\d]{2,}$")

# Iranian numbering (national significant number, after the leading 0 or +98):
#   mobile: 9 + 9 digits (10 digits);  landline: area code (2 digits, 1-8 first) + 8 digits.
_IR_MOBILE = re.compile(r"^9\d{9}$")
_IR_LANDLINE = re.compile(r"^[1-8]\d{9}$")
_SEPARATORS = re.compile(r"[\s\-.()/\u2010-\u2015]")


def normalize_letters(text: str) -> str:
    """Arabic ي/ى/ك to the Persian letters; invisible marks removed; ZWNJ kept."""
    return _INVISIBLE.sub("", text.translate(_LETTERS))


def normalize_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to Latin ones (where digits are data)."""
    return text.translate(_DIGITS)


def search_key(text: str) -> str:
    """The form two texts are compared or searched in: letters, digits, case and spaces folded."""
    folded = normalize_digits(normalize_letters(text)).casefold()
    return _SPACES.sub(" ", folded).strip()


def normalize_email(text: str) -> str:
    """An email address, trimmed, with its domain lower-cased (the local part is kept as typed).

    Raises:
        ValueError: The text is not an email address (Persian message).
    """
    value = normalize_digits(normalize_letters(text or "")).strip()
    if value.startswith("mailto:"):
        value = value[len("mailto:") :]
    if not value:
        raise ValueError("نشانی ایمیل خالی است.")
    if len(value) > MAX_EMAIL or not _EMAIL.match(value):
        raise ValueError(f"نشانی ایمیل «{value[:60]}» درست نیست.")
    local, _, domain = value.rpartition("@")
    if local.startswith(".") or local.endswith(".") or ".." in local or "." * 2 in domain:
        raise ValueError(f"نشانی ایمیل «{value[:60]}» درست نیست.")
    return f"{local}@{domain.lower()}"


def normalize_phone(text: str) -> str:
    """A phone number in E.164 (``+98…`` for Iran), from the ways Iranians write one.

    Raises:
        ValueError: The text is not a phone number (Persian message).
    """
    raw = normalize_digits(normalize_letters(text or "")).strip()
    if not raw:
        raise ValueError("شماره تلفن خالی است.")
    compact = _SEPARATORS.sub("", raw)
    bad = ValueError(f"شماره تلفن «{raw[:40]}» درست نیست.")
    if compact.startswith("+"):
        international = compact[1:]
    elif compact.startswith("00"):
        international = compact[2:]
    else:
        international = ""
    if not international and not compact.isdigit():
        raise bad
    if international:
        if not international.isdigit():
            raise bad
        if international.startswith("98"):
            national = international[2:].removeprefix("0")  # +98 (0)912… is written too
        else:
            # Another country: E.164 allows up to 15 digits; the country code never starts with 0.
            if international[0] == "0" or not 8 <= len(international) <= 15:
                raise bad
            return "+" + international
    else:
        national = compact[1:] if compact.startswith("0") else compact
    if _IR_MOBILE.match(national) or _IR_LANDLINE.match(national):
        return "+98" + national
    raise bad


def phone_search_key(text: str) -> str | None:
    """The phone number a search text stands for, or None when it is not one."""
    try:
        return normalize_phone(text)
    except ValueError:
        return None
