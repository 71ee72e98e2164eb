"""Bytes to text: refuse binaries, honour BOMs and declared charsets, guess the rest, then NFC.

Text is otherwise left exactly as found (cleaning folds spaces later), so offsets computed on
the cleaned text never depend on how a reader happened to decode.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Optional

import charset_normalizer

SNIFF_BYTES = 65536  # how much of an input the sniffers see

# Leading bytes of common non-text formats, so the reason can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip compressed"),
    (b"BZh", "bzip2 compressed"),
    (b"\xfd7zXZ\x00", "xz compressed"),
    (b"\x28\xb5\x2f\xfd", "zstd compressed"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"\x00asm", "WebAssembly module"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),   # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Controls that never occur in text (tab, newline, form feed, carriage return and escape do).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


class DecodeError(ValueError):
    """Bytes that are not text; the message is the one-line reason a ReadError carries."""


def binary_kind(data: bytes) -> Optional[str]:
    """What binary format `data` is ("PNG image", "NUL bytes", ...), or None for text-like bytes."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[4:8] == b"ftyp":
        return "MP4 media"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    if _bom(data) is None and _utf16_guess(data) is None:
        if b"\x00" in data[:65536]:
            return "NUL bytes"
        sample = data[:65536]
        if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
            return "control bytes"
    return None


def decode_bytes(data: bytes, declared: Optional[str] = None) -> str:
    """Decode text bytes to an NFC string, or raise DecodeError with the reason.

    Order: byte-order mark, then UTF-8 (valid UTF-8 is almost never anything else), then a
    charset the document declares, then charset-normalizer's guess.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise DecodeError(f"binary file ({kind})")
    text = _decode(data, declared)
    if text is None:
        raise DecodeError("undecodable text")
    return unicodedata.normalize("NFC", text.lstrip("\ufeff"))


def text_or_error(data: bytes, source: str) -> "str | ReadError":
    """Decoded text with something in it, or the one-line error that says why not."""
    from .base import ReadError

    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        return ReadError(source, str(exc))
    return text if text.strip() else ReadError(source, "no text (only whitespace)")


def head_text(head: bytes) -> str:
    """A lenient decoding of the first bytes, for sniffers: never raises, may contain U+FFFD."""
    encoding = _bom(head) or _utf16_guess(head) or "utf-8"
    return head.decode(encoding, errors="replace").lstrip("\ufeff")


def declared_charset(head: bytes) -> Optional[str]:
    """The charset an HTML <meta> or XML declaration names, if Python knows it."""
    m = _META_CHARSET.search(head[:8192]) or _XML_ENCODING.search(head[:1024])
    return valid_encoding(m.group(1).decode("ascii")) if m else None


def valid_encoding(name: Optional[str]) -> Optional[str]:
    """Python's name for an encoding label, or None when Python does not know it."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def _bom(data: bytes) -> Optional[str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_guess(data: bytes) -> Optional[str]:
    """UTF-16 without a BOM: Latin-script text has a NUL in nearly every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _decode(data: bytes, declared: Optional[str]) -> Optional[str]:
    encoding = _bom(data) or _utf16_guess(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = valid_encoding(declared)
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    return _guess(data)


def _guess(data: bytes) -> Optional[str]:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    # charset-normalizer cannot tell Western code pages apart on short texts and often picks
    # cp1250; among equally clean decodings prefer cp1252, the web's usual legacy charset.
    least = min(m.percent_chaos for m in matches)
    for m in matches:
        if m.percent_chaos <= least and "cp1252" in m.could_be_from_charset:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(best)
