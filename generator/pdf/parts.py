"""What a packet is made of and what it says about itself: plain values, no PDF library, so the
pipeline can plan a build (and find it current) without loading pikepdf (packet.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

PRODUCER = "Mötesgeneratorn"


class PacketError(Exception):
    """A part cannot be read (encrypted, corrupt); carries the part's name."""

    def __init__(self, part: "Part", message: str):
        self.part = part
        super().__init__(message)


@dataclass(frozen=True)
class Part:
    pdf: Path
    bookmark: str
    label: str  # page-label prefix, e.g. "4.1"
    stamp: str | None = None  # text at the top right of every page
    source: Path | None = None  # the user's file, for messages


@dataclass
class Section:
    title: str | None  # None: the parts are top-level bookmarks
    parts: list[Part] = field(default_factory=list)


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    date: dt.date
    language: str = "sv-SE"


@dataclass
class Placed:
    """What assemble() made: per part its first page and page count, and the untagged pages."""

    parts: list[tuple[Part, int, int]]
    untagged_pages: int
