"""Turn an action's contract plus a journey's values into the HTTP request to send.

Pure functions over the contract dict (see `docs/actions.md` and `app.actions.schemas`), no
Flask: the runner renders thousands of requests a second, so `compile_spec` does all the work
that depends only on the contract once (parsing the body template, encoding constant query
items, joining the URL) and its `render` only binds values.

Placeholders
    ``{{name}}`` (spaces inside the braces allowed) names a declared parameter. They are read
    in the body's *values* only: object keys are literal, and the URL, query and headers take
    their variable parts from their own variable items, not from placeholders.

Values
    A string that is exactly one placeholder becomes the typed value (a number stays a number,
    an object an object, null stays null). A placeholder inside a longer string is interpolated
    as text: strings as they are, numbers and booleans as JSON text, objects and lists as compact
    JSON, null as the empty string. An optional parameter that was not supplied at all is left
    out: its object member is dropped, in a list or as the whole body it is null, in text it is
    the empty string; absent optional variable headers and query items are not sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote, quote_plus, urlencode, urlsplit

from app.actions.types import ParameterValueError, ParamType, coerce, parse_type
from app.crypto import MASK

__all__ = [
    "PLACEHOLDER",
    "CompiledSpec",
    "ParameterValueError",
    "RenderedRequest",
    "compile_spec",
    "compile_template",
    "placeholders_in",
    "render_request",
    "render_template",
    "to_json_text",
]

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
"""A placeholder; group 1 is the parameter name."""

METHODS_WITHOUT_BODY = frozenset({"GET", "DELETE"})
_PATH_SAFE = "!$&'()*+,;=:@"
_ABSENT = object()
"""What a placeholder of an optional parameter that was not supplied renders to, before the
enclosing object drops it."""

Renderer = Callable[[Mapping[str, Any]], Any]


def _json_default(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json_text(value: Any) -> str:
    """Compact JSON, UTF-8 kept as is, dates as ISO 8601."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=_json_default)


def _as_text(value: Any) -> str:
    if value is None or value is _ABSENT:
        return ""
    if isinstance(value, str):
        return value
    return to_json_text(value)


def placeholders_in(template: Any) -> set[str]:
    """Names of the placeholders in a JSON value's strings (object keys are not read)."""
    if isinstance(template, str):
        return set(PLACEHOLDER.findall(template))
    if isinstance(template, dict):
        return set().union(*(placeholders_in(value) for value in template.values()))
    if isinstance(template, list):
        return set().union(*(placeholders_in(item) for item in template))
    return set()


def _compile_string(template: str) -> Renderer | None:
    """A renderer for a string with placeholders, or None if it has none."""
    exact = PLACEHOLDER.fullmatch(template)
    if exact:
        name = exact.group(1)
        return lambda values: values.get(name, _ABSENT)
    pieces = PLACEHOLDER.split(template)
    if len(pieces) == 1:
        return None
    # split() alternates literal text (even indexes) and placeholder names (odd indexes).
    literals, names = pieces[0::2], pieces[1::2]

    def interpolate(values: Mapping[str, Any]) -> str:
        out = [literals[0]]
        for name, literal in zip(names, literals[1:], strict=True):
            out.append(_as_text(values.get(name)))
            out.append(literal)
        return "".join(out)

    return interpolate


def _compile_node(template: Any) -> Renderer | None:
    """A renderer for a JSON value, or None when it holds no placeholder (use it as is)."""
    if isinstance(template, str):
        return _compile_string(template)
    if isinstance(template, dict):
        members = [(key, value, _compile_node(value)) for key, value in template.items()]
        if all(render is None for *_, render in members):
            return None

        def render_object(values: Mapping[str, Any]) -> dict:
            out = {}
            for key, constant, render in members:
                value = constant if render is None else render(values)
                if value is not _ABSENT:
                    out[key] = value
            return out

        return render_object
    if isinstance(template, list):
        items = [(item, _compile_node(item)) for item in template]
        if all(render is None for _, render in items):
            return None
        return lambda values: [
            constant if render is None else _present(render(values)) for constant, render in items
        ]
    return None


def _present(value: Any) -> Any:
    return None if value is _ABSENT else value


def compile_template(template: Any) -> Renderer:
    """A function from parameter values to the rendered JSON value of `template`.

    Parts of the template without placeholders are shared between renders, not copied: treat
    rendered values as read-only.
    """
    render = _compile_node(template)
    if render is None:
        return lambda values: template
    return lambda values: _present(render(values))


def render_template(template: Any, values: Mapping[str, Any]) -> Any:
    """Render a JSON template once (use `compile_template` to render one many times)."""
    return compile_template(template)(values)


@dataclass
class RenderedRequest:
    """A request ready to send. `secret_values` lists every secret text it carries (secret
    headers, then what authentication adds) so `masked` can hide them in the record."""

    method: str
    url: str
    headers: dict[str, str]
    body: Any | None
    secret_values: list[str] = field(default_factory=list)

    def body_json(self) -> bytes | None:
        """The body as sent: compact UTF-8 JSON, or None when there is no body."""
        return None if self.body is None else to_json_text(self.body).encode()

    def masked(self) -> dict[str, Any]:
        """The record form (method, url, headers, body) with every secret replaced by `MASK`,
        including its URL-encoded forms in the URL (where `MASK` then stands unencoded: the
        record is for reading, not for sending)."""
        secrets = sorted({value for value in self.secret_values if value}, key=len, reverse=True)
        if not secrets:
            return {"method": self.method, "url": self.url, "headers": dict(self.headers), "body": self.body}

        def hide(text: str) -> str:
            return redact_secrets(text, secrets)

        url = self.url
        for secret in secrets:
            for form in (secret, quote_plus(secret), quote(secret, safe="")):
                url = url.replace(form, MASK)
        return {
            "method": self.method,
            "url": url,
            "headers": {name: hide(value) for name, value in self.headers.items()},
            "body": _map_strings(self.body, hide),
        }


def redact_secrets(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret in it replaced by `MASK`, the longest first (one may hold another):
    for what a third party sends back, which may echo a credential ("invalid key abc…")."""
    for secret in sorted({value for value in secrets if value}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def _map_strings(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {key: _map_strings(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [_map_strings(item, change) for item in value]
    return value


@dataclass(frozen=True)
class _Variable:
    """A variable field of a contract: a parameter, variable header or variable query item."""

    name: str
    type: ParamType
    required: bool
    nullable: bool
    secret: bool = False


def _bind(variables: dict[str, _Variable], supplied: Mapping[str, Any] | None, where: str) -> dict:
    """Check `supplied` against the declared variables and coerce each value to its type."""
    supplied = supplied or {}
    for name in supplied:
        if name not in variables:
            raise ParameterValueError(f"this action declares no {where} of that name", name=name, where=where)
    bound = {}
    for name, variable in variables.items():
        if name not in supplied:
            if variable.required:
                raise ParameterValueError("is required", name=name, where=where)
            continue
        value = supplied[name]
        if value is None:
            if not variable.nullable:
                raise ParameterValueError("may not be null", name=name, where=where)
            bound[name] = None
            continue
        try:
            bound[name] = coerce(variable.type, value)
        except ParameterValueError as error:
            raise ParameterValueError(error.problem, name=name, where=where) from None
    return bound


def _header_text(name: str, value: Any) -> str:
    text = ", ".join(map(_as_text, value)) if isinstance(value, list) else _as_text(value)
    if any(char in text for char in "\r\n\0"):
        raise ParameterValueError("must not contain line breaks", name=name, where="header")
    return text


def _join_path(base_path: str, path: Any) -> str:
    """Append a journey-supplied path below the static URL path, one encoded segment at a time,
    so it can neither climb above it (`..`) nor add a query, fragment or another host."""
    if isinstance(path, int) and not isinstance(path, bool):
        path = str(path)
    if not isinstance(path, str):
        raise ParameterValueError("expected text", name="path", where="path")
    segments = [segment for segment in path.split("/") if segment]
    if any(segment in (".", "..") for segment in segments):
        raise ParameterValueError("must not contain '.' or '..' segments", name="path", where="path")
    if not segments:
        return base_path
    joined = base_path.rstrip("/") + "/" + "/".join(quote(s, safe=_PATH_SAFE) for s in segments)
    return joined + "/" if path.endswith("/") else joined


def _variables(items: Iterable[Mapping[str, Any]], *, is_parameter: bool) -> dict[str, _Variable]:
    """Declared variables by name. Parameters are required and not nullable unless they say so;
    an optional variable header or query item may be null, which means "do not send it"."""
    variables = {}
    for item in items:
        required = item.get("required", True)
        variables[item["name"]] = _Variable(
            name=item["name"],
            type=parse_type(item.get("type", "string")),
            required=required,
            nullable=item.get("nullable", False) if is_parameter else not required,
            secret=item.get("secret", False),
        )
    return variables


class CompiledSpec:
    """An action contract prepared for rendering many requests (see `compile_spec`)."""

    def __init__(self, spec: Mapping[str, Any]):
        self.method = spec["method"].upper()
        url = urlsplit(spec["url"])
        self._origin = f"{url.scheme}://{url.netloc}"
        self._base_path = url.path
        self._dynamic_path = bool(spec.get("dynamic_path", False))
        query = spec.get("query") or []
        headers = spec.get("headers") or []
        constant_query = urlencode(
            [(item["name"], _as_text(item["value"])) for item in query if not item.get("variable")]
        )
        self._constant_query = "&".join(part for part in (url.query, constant_query) if part)
        self._query_variables = _variables((i for i in query if i.get("variable")), is_parameter=False)
        self._constant_headers = {
            item["name"]: _as_text(item["value"]) for item in headers if not item.get("variable")
        }
        self._constant_secrets = [
            _as_text(item["value"]) for item in headers if item.get("secret") and not item.get("variable")
        ]
        self._header_variables = _variables((i for i in headers if i.get("variable")), is_parameter=False)
        self._declares_content_type = any(item["name"].lower() == "content-type" for item in headers)
        self._parameters = _variables(spec.get("parameters") or [], is_parameter=True)
        has_body = spec.get("body") is not None and self.method not in METHODS_WITHOUT_BODY
        self._render_body = compile_template(spec["body"]) if has_body else None

    def render(
        self,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        path: Any = None,
    ) -> RenderedRequest:
        """Bind values to the contract. Raises `ParameterValueError` naming the first field whose
        value is missing, unknown or of the wrong type."""
        values = _bind(self._parameters, params, "parameter")
        header_values = _bind(self._header_variables, headers, "header")
        query_values = _bind(self._query_variables, query, "query")

        url_path = self._base_path
        if path is not None and path != "":
            if not self._dynamic_path:
                raise ParameterValueError("this action takes no dynamic path", name="path", where="path")
            url_path = _join_path(self._base_path, path)
        query_string = self._constant_query
        variable_query = [
            (name, [_as_text(item) for item in value] if isinstance(value, list) else _as_text(value))
            for name, value in query_values.items()
            if value is not None
        ]
        if variable_query:
            encoded = urlencode(variable_query, doseq=True)
            query_string = f"{query_string}&{encoded}" if query_string else encoded
        url = self._origin + url_path + (f"?{query_string}" if query_string else "")

        rendered_headers = dict(self._constant_headers)
        secrets = list(self._constant_secrets)
        for name, value in header_values.items():
            if value is None:
                continue
            rendered_headers[name] = _header_text(name, value)
            if self._header_variables[name].secret:
                secrets.append(rendered_headers[name])
        body = None if self._render_body is None else self._render_body(values)
        if body is not None and not self._declares_content_type:
            rendered_headers["Content-Type"] = "application/json"
        return RenderedRequest(self.method, url, rendered_headers, body, secrets)


def compile_spec(spec: Mapping[str, Any]) -> CompiledSpec:
    """Prepare a validated action contract (as loaded by `ActionSpecSchema`) for rendering."""
    return CompiledSpec(spec)


def render_request(
    spec: Mapping[str, Any],
    *,
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, Any] | None = None,
    query: Mapping[str, Any] | None = None,
    path: Any = None,
) -> RenderedRequest:
    """Render one request from a contract (compile once with `compile_spec` to render many)."""
    return compile_spec(spec).render(params=params, headers=headers, query=query, path=path)
