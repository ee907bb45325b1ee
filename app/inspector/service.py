"""Record and list the requests sent to `/inspector/<bin>`; each bin keeps its latest requests."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote_plus

from sqlalchemy import delete, func, select

from app.crypto import MASK
from app.errors import NotFound
from app.extensions import db
from app.inspector.models import InspectedRequest

BIN_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
KEEP_PER_BIN = 200
MAX_BODY_CHARS = 64 * 1024
HIDDEN_HEADERS = {"cookie"}
CREDENTIAL_NAME_RE = re.compile(r"auth|token|secret|api[-_]?key|password|signature", re.IGNORECASE)
"""Names of headers, query items and form fields whose values are credentials (an action's API
key may travel in the query, an OAuth2 client secret in a token request's form): stored masked,
since a bin is readable by every user."""
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


def check_bin(name: str) -> str:
    if not BIN_RE.match(name):
        raise NotFound("A bin name is 1–64 letters, digits, '-' or '_'.")
    return name


def record(bin_name: str, method: str, path: str, query: str, headers: dict[str, str],
           body: bytes) -> InspectedRequest:
    """Store one received request (body capped) and drop the bin's requests beyond the newest 200."""
    text = body.decode("utf-8", errors="replace")
    content_type = next((value for name, value in headers.items() if name.lower() == "content-type"), "")
    if content_type.split(";")[0].strip().lower() == FORM_CONTENT_TYPE:
        text = masked_form(text)
    entry = InspectedRequest(
        bin=check_bin(bin_name),
        method=method,
        path=path[:2000],
        query_string=masked_form(query)[:2000],
        headers={
            name: masked_header(name, value)
            for name, value in headers.items() if name.lower() not in HIDDEN_HEADERS
        },
        body=text[:MAX_BODY_CHARS],
        body_truncated=len(text) > MAX_BODY_CHARS,
    )
    db.session.add(entry)
    db.session.flush()
    oldest_kept = db.session.scalar(
        select(InspectedRequest.id).where(InspectedRequest.bin == bin_name)
        .order_by(InspectedRequest.id.desc()).offset(KEEP_PER_BIN - 1).limit(1)
    )
    if oldest_kept is not None:
        db.session.execute(delete(InspectedRequest).where(
            InspectedRequest.bin == bin_name, InspectedRequest.id < oldest_kept))
    db.session.commit()
    return entry


def masked_header(name: str, value: str) -> str:
    """A credential header's value as `MASK`, keeping its scheme ("Bearer ••••") so a person can
    still see which kind of authentication arrived."""
    if not CREDENTIAL_NAME_RE.search(name):
        return value
    scheme, _, credential = value.partition(" ")
    return f"{scheme} {MASK}" if credential else MASK


def masked_form(text: str) -> str:
    """A query string or form body with each credential field's value as `MASK`; the rest is
    kept as received, encoding included."""

    def mask(field: str) -> str:
        name, separator, _ = field.partition("=")
        return f"{name}={MASK}" if separator and CREDENTIAL_NAME_RE.search(unquote_plus(name)) else field

    return "&".join(mask(field) for field in text.split("&"))


def latest(bin_name: str, limit: int = 50) -> list[InspectedRequest]:
    query = (select(InspectedRequest).where(InspectedRequest.bin == check_bin(bin_name))
             .order_by(InspectedRequest.id.desc()).limit(limit))
    return list(db.session.scalars(query))


def bins() -> list[tuple[str, int, object]]:
    """Each bin with its request count and the time of its latest request, newest first."""
    query = (select(InspectedRequest.bin, func.count(), func.max(InspectedRequest.received_at))
             .group_by(InspectedRequest.bin).order_by(func.max(InspectedRequest.received_at).desc()))
    return [tuple(row) for row in db.session.execute(query)]


def pretty_body(entry: InspectedRequest) -> str:
    """The body indented when it is JSON, as received otherwise."""
    try:
        return json.dumps(json.loads(entry.body), indent=2, ensure_ascii=False)
    except ValueError:
        return entry.body
