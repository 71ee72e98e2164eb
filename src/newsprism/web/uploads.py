"""Request bodies: the page's form (files and a pasted text) and the JSON API's records.

Bodies are read into memory, never more than `cfg.read.max_bytes` per file or text (plus room for
the envelope), and go straight to the readers and the cleaner; nothing is written to disk here.
Every malformed body is a 4xx with a one-line reason: a wrong content type 415, too large 413,
anything that does not parse (no multipart boundary, JSON nested too deep, bad base64) 400.
"""
from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Optional
from urllib.parse import parse_qsl

from fastapi import HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

FORM_SLACK = 64 * 1024           # room for multipart headers or JSON around the files themselves
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
JSON_TYPE = "application/json"


class TooLarge(Exception):
    pass


class IngestRecord(BaseModel):
    """One article for POST /api/ingest: a text, an HTML page, or a whole file (base64), with metadata."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"anyOf": [
        {"required": ["text"]}, {"required": ["html"]}, {"required": ["content_base64"]}]})

    text: Optional[str] = Field(None, description="the article as plain text")
    html: Optional[str] = Field(None, description="the article as an HTML page (the text is extracted)")
    content_base64: Optional[str] = Field(None, description="a whole file, base64: text, HTML, JSONL, WARC, "
                                          "RSS/Atom, or gzip of any of these", json_schema_extra={"format": "byte"})
    name: Optional[str] = Field(None, description="the file's name (its suffix helps tell the format)")
    id: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO 8601 date or date-time")
    url: Optional[str] = None

    @model_validator(mode="after")
    def _one_body(self) -> "IngestRecord":
        if self.content_base64 is not None:
            if self.text is not None or self.html is not None:
                raise ValueError("give content_base64 alone, not with text or html")
        elif not (self.text or "").strip() and not (self.html or "").strip():
            raise ValueError("needs a non-empty text, html or content_base64")
        return self


INGEST_BODY = {  # the OpenAPI request body of POST /api/ingest
    "required": True,
    "content": {JSON_TYPE: {"schema": {"anyOf": [
        IngestRecord.model_json_schema(),
        {"type": "array", "minItems": 1, "items": IngestRecord.model_json_schema()},
    ]}}},
}


_FORM_FIELDS = {
    "type": "object",
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "text": {"type": "string"}, "title": {"type": "string"}, "outlet": {"type": "string"},
        "csrf": {"type": "string", "description": "the session token the app's page puts in its form"},
    },
    "required": ["csrf"],
}
FORM_BODY = {  # the OpenAPI request body of POST /ingest
    "required": True,
    "content": {kind: {"schema": _FORM_FIELDS} for kind in FORM_TYPES},
}


@dataclass
class Submission:
    files: list[tuple[str, bytes]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)   # JSONL-style: text or html, and metadata
    fields: dict[str, str] = field(default_factory=dict)          # form fields other than files

    def __bool__(self) -> bool:
        return bool(self.files or self.records)


def safe_name(filename: Optional[str]) -> str:
    """An upload's name reduced to a bare file name: no folders, no '..', no control characters."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    name = re.sub(r"[^\w.\- ]+", "_", name)[:120].strip()
    return name or "upload"


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with TooLarge as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge
    return bytes(body)


class _MemoryMultiPart(MultiPartParser):
    """Starlette's parser, told to keep every part in memory (the body is already capped)."""

    def __init__(self, headers: Any, body: bytes, limit: int) -> None:
        async def once() -> AsyncIterator[bytes]:
            yield body

        super().__init__(headers, once(), max_files=1000, max_fields=100, max_part_size=limit)
        self.spool_max_size = limit + 1


async def _multipart(request: Request, body: bytes, limit: int, sub: Submission) -> None:
    try:
        form = await _MemoryMultiPart(request.headers, body, limit + FORM_SLACK).parse()
    except MultiPartException as exc:
        raise HTTPException(400, f"malformed multipart form: {exc}") from None
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            data = await value.read()
            if len(data) > limit:
                raise TooLarge
            if data or value.filename:
                sub.files.append((safe_name(value.filename), data))
        elif isinstance(value, str):
            sub.fields.setdefault(key, value)


async def read_form(request: Request, limit: int) -> Submission:
    """Files and a pasted text (with its title and outlet) from the page's form."""
    kind = media_type(request)
    if kind not in FORM_TYPES:
        raise HTTPException(415, "the form takes multipart/form-data or application/x-www-form-urlencoded")
    body = await read_body(request, limit + FORM_SLACK)
    sub = Submission()
    if kind == "multipart/form-data":
        await _multipart(request, body, limit, sub)
    else:
        for key, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
            sub.fields.setdefault(key, value)
    text = sub.fields.get("text") or ""
    if text.strip():
        if len(text.encode("utf-8")) > limit:
            raise TooLarge
        sub.records.append({"text": text, "title": (sub.fields.get("title") or "").strip() or None,
                            "outlet": (sub.fields.get("outlet") or "").strip() or None})
    return sub


def _decode_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except RecursionError:
        raise HTTPException(400, "the JSON body is nested too deeply") from None
    except ValueError as exc:
        raise HTTPException(400, f"the body is not valid JSON ({getattr(exc, 'msg', exc)})") from None


def _record(number: int, raw: Any, limit: int, sub: Submission) -> None:
    try:
        r = IngestRecord.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "record"
        raise HTTPException(400, f"record {number}: {where}: {first.get('msg', 'invalid')}") from None
    meta = r.model_dump(exclude={"text", "html", "content_base64", "name"}, exclude_none=True)
    if r.content_base64 is not None:
        try:
            data = base64.b64decode(r.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise HTTPException(400, f"record {number}: content_base64 is not valid base64") from None
        if len(data) > limit:
            raise TooLarge
        sub.files.append((safe_name(r.name), data))
        return
    for body in (r.text, r.html):
        if body is not None and len(body.encode("utf-8")) > limit:
            raise TooLarge
    sub.records.append({**meta, **({"text": r.text} if r.text else {}), **({"html": r.html} if r.html else {})})


async def read_json(request: Request, limit: int) -> Submission:
    """The records of a JSON body: one object or a non-empty array of them (see IngestRecord)."""
    if media_type(request) != JSON_TYPE:
        raise HTTPException(415, "the API takes application/json (the page's form posts to /ingest)")
    body = await read_body(request, limit * 4 // 3 + FORM_SLACK)  # base64 is a third larger than the file
    data = _decode_json(body)
    records = data if isinstance(data, list) else [data]
    if not records:
        raise HTTPException(400, "nothing to ingest: the array is empty")
    sub = Submission()
    for number, raw in enumerate(records, 1):
        _record(number, raw, limit, sub)
    return sub
