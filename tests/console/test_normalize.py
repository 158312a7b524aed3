"""Rule 11: stored and searched text in one form — letters, digits, phone numbers, emails."""

from __future__ import annotations

import pytest

from console.customers import normalize_phone as exported_normalize_phone
from console.normalize import (
    normalize_digits,
    normalize_email,
    normalize_letters,
    normalize_phone,
    search_key,
)


def _persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_rule11_arabic_yeh_and_kaf_become_persian_and_zwnj_is_kept() -> None:
    assert normalize_letters("علي كريمي") == "علی کریمی"
    assert normalize_letters("مصطفى") == "مصطفی"
    assert normalize_letters("می\u200cخواهم") == "می\u200cخواهم"
    assert normalize_letters("\u200fشرکت\u200e") == "شرکت"  # bidi marks are invisible noise


def test_rule11_persian_and_arabic_indic_digits_become_latin() -> None:
    assert normalize_digits("۰۹۱۲ ٣٤٥ 6789") == "0912 345 6789"
    assert normalize_digits("کد ۱۰۰۱") == "کد 1001"


def test_rule11_search_key_folds_letters_digits_case_and_spaces() -> None:
    assert search_key("  شركت   ياس ۱۰۰۱ ACME ") == search_key("شرکت یاس 1001 acme") == "شرکت یاس 1001 acme"
    assert search_key("") == ""


@pytest.mark.parametrize(
    "typed",
    [
        "0912 345 6789",
        "09123456789",
        "912-345-6789",
        "+98 912 345 6789",
        "+98 (0) 912 345 6789",
        "0098 912 345 6789",
        "۰۹۱۲۳۴۵۶۷۸۹",
        "٠٩١٢٣٤٥٦٧٨٩",
        "\u200e+989123456789",
        "(0912) 345-6789",
    ],
)
def test_rule11_mobile_numbers_in_every_usual_form_are_one_e164(typed: str) -> None:
    assert normalize_phone(typed) == "+989123456789"


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("021 8888 7777", "+982188887777"),
        ("021-88887777", "+982188887777"),
        ("(021) 8888-7777", "+982188887777"),
        ("۰۳۱ ۳۲۲۲ ۱۱۱۱", "+983132221111"),
        ("+98 21 8888 7777", "+982188887777"),
        ("+44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
    ],
)
def test_rule11_landlines_with_area_codes_and_foreign_numbers(typed: str, e164: str) -> None:
    assert normalize_phone(typed) == e164


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "12345",
        "0912 345 678",
        "0912 345 67890",
        "88887777",
        "0012345",
        "+0 912",
        "abc",
        "0912-abc-6789",
        "+98 0912 345 6789 1",
    ],
)
def test_rule11_impossible_phone_numbers_are_refused_in_persian(typed: str) -> None:
    with pytest.raises(ValueError) as info:
        normalize_phone(typed)
    assert _persian(str(info.value))


def test_rule11_normalize_phone_is_importable_from_console_customers() -> None:
    assert exported_normalize_phone is normalize_phone


def test_rule11_email_domain_lower_cased_local_part_kept() -> None:
    assert normalize_email("  Ali.Rezaei@Example.IR ") == "Ali.Rezaei@example.ir"
    assert normalize_email("mailto:info@shop.co.ir") == "info@shop.co.ir"
    assert normalize_email("x+tag@sub.Domain.com") == "x+tag@sub.domain.com"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "ali",
        "ali@",
        "@example.ir",
        "ali@example",
        "ali@@example.ir",
        "ali @example.ir",
        "ali@exa mple.ir",
        "a..b@example.ir",
        "ali@example..ir",
        "ali@example.i",
    ],
)
def test_rule11_malformed_emails_are_refused_in_persian(typed: str) -> None:
    with pytest.raises(ValueError) as info:
        normalize_email(typed)
    assert _persian(str(info.value))
