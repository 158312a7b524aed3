"""A failure the services did not word themselves is still said in Persian, without English."""

from __future__ import annotations

import errno
import os

import pytest

from tests.ui.helpers import LATIN
from ui.pages.base import error_message


@pytest.mark.parametrize("code", [errno.ENOENT, errno.EACCES, errno.ENOSPC, errno.EROFS, errno.EIO])
def test_a_file_that_cannot_be_written_is_said_in_persian_without_the_systems_english(
    qapp: object, code: int
) -> None:
    text = error_message(OSError(code, os.strerror(code), "/nowhere/statement.pdf"))
    assert text.startswith("فایل ذخیره نشد.")
    assert not LATIN.search(text), text


def test_an_unexpected_failure_names_no_exception_class(qapp: object) -> None:
    text = error_message(RuntimeError("socket closed"))
    assert text == "کار انجام نشد؛ چیزی تغییر نکرد."
