"""Errors as ``application/problem+json`` with a Persian ``detail`` (validation errors too)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from console.errors import ConflictError, ConsoleError, NotFoundError, PermissionDeniedError, ValidationError

MEDIA = "application/problem+json"

TITLES = {
    400: "درخواست نامعتبر",
    401: "توکن لازم است",
    403: "اجازه نیست",
    404: "پیدا نشد",
    405: "روش پذیرفته نیست",
    409: "ناسازگاری",
    413: "درخواست بیش از حد بزرگ",
    415: "نوع محتوا پذیرفته نیست",
    422: "داده‌های نامعتبر",
    429: "درخواست‌ها بیش از سقف",
    500: "خطای داخلی",
    503: "پایگاه داده در دسترس نیست",
}


class ApiProblem(Exception):
    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers or {}


def problem(status: int, detail: str, *, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "خطا"),
        "status": status,
        "detail": detail,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=MEDIA, headers=headers)


def status_of(error: ConsoleError) -> int:
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, ConflictError):
        return 409
    if isinstance(error, PermissionDeniedError):
        return 403
    if isinstance(error, ValidationError):
        return 422
    return 400


_FIELD_WORDS = {
    "missing": "لازم است و فرستاده نشده",
    "string_too_short": "کوتاه‌تر از حد است",
    "string_too_long": "بلندتر از حد است",
    "too_long": "بیش از حد مجاز عضو دارد",
    "literal_error": "مقدار پذیرفته‌ای نیست",
    "extra_forbidden": "شناخته نیست",
    "string_type": "باید متن باشد",
    "int_parsing": "باید عدد صحیح باشد",
    "json_invalid": "JSON درستی نیست",
    "model_attributes_type": "باید شیء JSON باشد",
    "dict_type": "باید شیء JSON باشد",
    "list_type": "باید فهرست باشد",
}


def _validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for e in exc.errors():
        loc = list(e.get("loc", ()))
        if loc[:1] == ["body"]:
            loc = loc[1:]
        where = ".".join(str(p) for p in loc) or "بدنهٔ درخواست"
        words = _FIELD_WORDS.get(str(e.get("type", "")), "نامعتبر است")
        errors.append({"field": where, "message": f"«{where}» {words}."})
    detail = " ".join(e["message"] for e in errors) or "درخواست نامعتبر است."
    return problem(422, detail, errors=errors)


def _http(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    words = {404: "چنین نشانی‌ای در API نیست.", 405: "این روش برای این نشانی پذیرفته نیست."}
    return problem(exc.status_code, words.get(exc.status_code, TITLES.get(exc.status_code, "خطا") + "."))


def _api(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiProblem)
    return problem(exc.status, exc.detail, headers=exc.headers)


def _console(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ConsoleError)
    return problem(status_of(exc), exc.message)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(ApiProblem, _api)
    app.add_exception_handler(ConsoleError, _console)
