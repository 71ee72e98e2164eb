"""Request bodies: files and pasted texts from a form or a JSON body, never more than the limit.

Uploads are read into memory (never more than `cfg.read.max_bytes` per request) and go
straight to the readers and the cleaner; nothing is written to disk here.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Optional
from urllib.parse import parse_qsl

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartParser

FORM_SLACK = 64 * 1024           # room for multipart headers around the files themselves


class TooLarge(Exception):
    pass


def safe_name(filename: Optional[str]) -> str:
    """An upload's name reduced to a bare file name: no folders, no '..', no control characters."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    name = re.sub(r"[^\w.\- ]+", "_", name)[:120].strip()
    return name or "upload"


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


@dataclass
class Submission:
    files: list[tuple[str, bytes]] = field(default_factory=list)
    texts: list[dict[str, Optional[str]]] = field(default_factory=list)


async def _multipart(request: Request, body: bytes, limit: int, sub: Submission, fields: dict[str, str]) -> None:
    form = await _MemoryMultiPart(request.headers, body, limit + FORM_SLACK).parse()
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            data = await value.read()
            if len(data) > limit:
                raise TooLarge
            if data or value.filename:
                sub.files.append((safe_name(value.filename), data))
        elif isinstance(value, str) and key not in fields:
            fields[key] = value


def _json_records(body: bytes, sub: Submission) -> None:
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        raise HTTPException(400, "the body is not valid JSON") from None
    records = data if isinstance(data, list) else [data]
    for r in records:
        if not isinstance(r, dict) or not isinstance(r.get("text"), str):
            raise HTTPException(400, 'each JSON record needs a "text" string')
        sub.texts.append({k: (str(r[k]) if r.get(k) is not None else None)
                          for k in ("text", "title", "author", "outlet", "published", "url")})


async def parse_submission(request: Request, limit: int) -> Submission:
    """Files and pasted texts from a multipart or urlencoded form, or a JSON body."""
    body = await read_body(request, limit + FORM_SLACK)
    ctype = request.headers.get("content-type", "")
    sub = Submission()
    fields: dict[str, str] = {}
    if ctype.startswith("multipart/form-data"):
        await _multipart(request, body, limit, sub, fields)
    elif ctype.startswith("application/x-www-form-urlencoded"):
        for key, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
            fields.setdefault(key, value)
    elif ctype.startswith("application/json"):
        _json_records(body, sub)
    else:
        raise HTTPException(415, "send a form (multipart or urlencoded) or JSON")
    if (fields.get("text") or "").strip():
        if len(fields["text"].encode("utf-8")) > limit:
            raise TooLarge
        sub.texts.append({"text": fields["text"], "title": (fields.get("title") or "").strip() or None,
                          "outlet": (fields.get("outlet") or "").strip() or None})
    return sub
