"""User expressions: Cairn's one way to compile, evaluate and statically check CEL.

Every expression a marketer writes (a condition branch, a parameter mapping, a wait time) goes
through this module, never through `eval`. The runner calls `evaluate` thousands of times a
second, so compiled programs are cached and a context can be converted to CEL once
(`prepare_context`) and reused for every expression of a step. The editor calls
`check_expression` as the marketer types, so its messages are short and human, with the CEL
library's grammar dumps and advice trimmed away.

The expression context is::

    {"event": <the event payload as received (JSON)>,
     "journey": {"id": int, "version": int, "instance_id": str, "profile_id": str},
     "nodes": {<node id>: {"status": str, "response": <JSON>, "status_code": int}},
     "now": <CEL timestamp>}

Event `datetime` fields arrive as ISO 8601 strings (that is what ingest validates and stores),
so arithmetic on them needs `timestamp(event.created_at)`; `now` is already a timestamp.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, TypedDict

import cel

ROOT_NAMES = ("event", "journey", "nodes", "now")
"""The top-level names an expression may use."""

JOURNEY_FIELDS = {"id": "integer", "version": "integer", "instance_id": "string", "profile_id": "string"}
NODE_RESULT_FIELDS = ("status", "response", "status_code")

NATIVE_FUNCTIONS = frozenset(
    {
        "size", "has", "matches", "startsWith", "endsWith", "contains",
        "string", "int", "uint", "double", "bytes", "timestamp", "duration", "dyn", "type",
        "getFullYear", "getMonth", "getDayOfMonth", "getDayOfYear", "getDayOfWeek", "getDate",
        "getHours", "getMinutes", "getSeconds", "getMilliseconds",
        "all", "exists", "exists_one", "map", "filter",
    }
)  # fmt: skip
"""Functions and macros the CEL library implements natively (its opt-in Python stdlib is not
enabled, so the runner and the checker agree on what exists)."""

_BINDING_MACROS = frozenset({"all", "exists", "exists_one", "map", "filter"})
_NON_VARIABLE_IDENTIFIERS = frozenset(
    {"true", "false", "null", "in", "int", "uint", "double", "string", "bytes", "bool", "list",
     "map", "type", "dyn", "null_type"}
)  # fmt: skip
"""Keywords and type names: identifiers that never name a context variable."""

COMPILE_CACHE_SIZE = 4096


class ExpressionError(ValueError):
    """An expression that does not compile; the message is meant for the marketer."""


class EvaluationError(ExpressionError):
    """An expression that compiled but failed on this context (missing key, wrong types...)."""


FieldType = str | dict[str, "FieldType"]
"""A field's type: one of the parameter types ("string", "integer", "number", "boolean",
"datetime", "object", "list<T>"), "list" (elements unknown), "any" (unknown), or a dict of
field name -> FieldType for an object whose fields are all known. "object" is open: any key is
accepted and its value is untyped."""


class FieldSpec(TypedDict, total=False):
    """What an expression may reference, for `check_expression`.

    `event`: the entry event's fields (name -> FieldType); absent or None when unknown, in which
    case any event field is accepted. `nodes`: the nodes that have run before this one, node id ->
    the type of its response (usually inferred from the action's response sample; None when the
    response shape is unknown); absent or None when unknown, in which case any node is accepted.
    """

    event: Mapping[str, FieldType] | None
    nodes: Mapping[str, FieldType | None] | None


@functools.lru_cache(maxsize=COMPILE_CACHE_SIZE)
def compile_expression(src: str) -> cel.Program:
    """Compile once per distinct source; raises ExpressionError with a short message."""
    if not src.strip():
        raise ExpressionError("Expression is empty")
    try:
        return cel.compile(src)
    except ValueError as error:
        raise ExpressionError(_compile_message(src, str(error))) from None


def evaluate(src: str, context: Mapping[str, Any] | cel.Context) -> Any:
    """Evaluate `src` against `context` (a dict, or a `prepare_context` result).

    Raises ExpressionError when `src` does not compile, EvaluationError when it fails at run time.
    """
    program = compile_expression(src)
    try:
        return program.execute(context)
    except Exception as error:
        raise EvaluationError(runtime_message(error)) from error


def build_context(
    event: Mapping[str, Any],
    *,
    journey_id: int,
    version: int,
    instance_id: int | str,
    profile_id: int | str,
    nodes: Mapping[str, Mapping[str, Any]] | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The documented expression context, with ids normalised to the types the checker assumes.

    `nodes` maps node id -> {"status", "response", "status_code"} for the steps already run.
    """
    return {
        "event": event,
        "journey": {
            "id": journey_id,
            "version": version,
            "instance_id": str(instance_id),
            "profile_id": str(profile_id),
        },
        "nodes": dict(nodes or {}),
        "now": now or datetime.now(UTC),
    }


def prepare_context(context: Mapping[str, Any]) -> cel.Context:
    """Convert a context to CEL values once, for evaluating several expressions against it.

    Evaluating with a plain dict converts the whole dict on every call (tens of microseconds);
    a prepared context costs that once. Raises EvaluationError for values CEL cannot hold.
    """
    try:
        return cel.Context(variables=dict(context))
    except ValueError as error:
        raise EvaluationError(f"Value cannot be used in an expression: {error}") from error


# ---- error messages ------------------------------------------------------------------------

_PARSE_ERROR_RE = re.compile(r"ERROR: <input>:(\d+):(\d+): ([^\n]*)")
_MISMATCHED_EOF_RE = re.compile(r"^mismatched input '<EOF>'.*")
_UNEXPECTED_RE = re.compile(r"^(?:mismatched|extraneous) input '(.*?)' expecting.*")
_NO_VIABLE_RE = re.compile(r"^no viable alternative at input '(.*)'$")
_TOKEN_RE_ERROR = re.compile(r"^token recognition error at: '(.*)'$")


def _compile_message(src: str, raw: str) -> str:
    match = _PARSE_ERROR_RE.search(raw)
    if not match:
        return f"Syntax error: {raw.split(chr(10), 1)[0]}"
    line, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    detail = detail.removeprefix("Syntax error: ")
    if _MISMATCHED_EOF_RE.match(detail):
        detail = "the expression ends too early"
    elif (found := _UNEXPECTED_RE.match(detail)) or (found := _NO_VIABLE_RE.match(detail)):
        detail = f"unexpected {found.group(1)!r}"
    elif found := _TOKEN_RE_ERROR.match(detail):
        detail = f"cannot read {found.group(1)!r} (unclosed quote?)"
    where = f"line {line}, column {column}" if "\n" in src else f"column {column}"
    return f"Syntax error at {where}: {detail}"


_UNSUPPORTED_OP_RE = re.compile(r"Unsupported operation: ([^.]*)\.")
_UNDEFINED_RE = re.compile(r"Undefined variable or function: '([^']*)'")
_FUNCTION_ERROR_RE = re.compile(r"Function '([^']*)' error: (.*?)(?:\. Check function arguments.*)?$", re.S)
_TYPE_ADVICE = "CEL never converts between int, double and string: use int(), double() or string()"


def runtime_message(error: BaseException) -> str:
    """A short, human message for an exception raised while evaluating an expression."""
    text = str(error)
    if isinstance(error, KeyError):
        return f"No field {error.args[0]!r} in this data" if error.args else "Missing field"
    if isinstance(error, ZeroDivisionError):
        return "Division by zero"
    if isinstance(error, IndexError):
        return f"List {text}"
    if isinstance(error, TypeError):
        if found := _UNSUPPORTED_OP_RE.search(text):
            operation = re.sub(r"\bfloat\b", "double", found.group(1))
            return f"Type mismatch: {operation} is not defined ({_TYPE_ADVICE})"
        if text.startswith("Cannot mix signed and unsigned"):
            return f"Type mismatch: {text.split('.', 1)[0].lower()}"
        return f"Type mismatch: the operation is not defined for these value types ({_TYPE_ADVICE})"
    if found := _UNDEFINED_RE.search(text):
        name = found.group(1)
        if name in NATIVE_FUNCTIONS:
            return f"Type mismatch: {name}() does not accept these argument types"
        return f"Unknown name or function {name!r}"
    if found := _FUNCTION_ERROR_RE.search(text):
        return f"{found.group(1)}(): {found.group(2)}"
    return text.split("\n", 1)[0]


def _is_type_error(error: BaseException) -> bool:
    if isinstance(error, TypeError):
        return True
    found = _UNDEFINED_RE.search(str(error))
    return bool(found and found.group(1) in NATIVE_FUNCTIONS)


# ---- static analysis -----------------------------------------------------------------------

_TOKENS_RE = re.compile(
    r"""
    (?P<space>\s+|//[^\n]*)
    |(?P<string>(?:[bB]?[rR]|[rR][bB])(?:'''.*?'''|\"\"\".*?\"\"\"|'[^'\n]*'|"[^"\n]*")
               |[bB]?(?:'''(?:\\.|[^\\])*?'''|\"\"\"(?:\\.|[^\\])*?\"\"\"
                        |'(?:\\.|[^\\'\n])*'|"(?:\\.|[^\\"\n])*"))
    |(?P<number>0[xX][0-9a-fA-F]+[uU]?|\d+\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+
               |\.\d+(?:[eE][+-]?\d+)?|\d+[uU]?)
    |(?P<ident>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<punct>&&|\|\||==|!=|<=|>=|.)
    """,
    re.VERBOSE | re.DOTALL,
)
_STRING_KEY_RE = re.compile(r"""^(?P<raw>[rR]?)(?P<quote>'''|\"\"\"|'|")(?P<body>.*)(?P=quote)$""", re.S)
_VALUE_END = frozenset({")", "]", "}"})


def _tokens(src: str) -> list[tuple[str, str]]:
    return [
        (match.lastgroup or "punct", match.group())
        for match in _TOKENS_RE.finditer(src)
        if match.lastgroup != "space"
    ]


def _string_key(literal: str) -> str | None:
    """The text of a string literal used as a map key; None for bytes or escapes (not derived)."""
    match = _STRING_KEY_RE.match(literal)
    if not match:
        return None
    body = match.group("body")
    if not match.group("raw") and "\\" in body:
        return None
    return body


def _ends_value(token: tuple[str, str] | None) -> bool:
    return token is not None and (token[0] in ("ident", "number", "string") or token[1] in _VALUE_END)


@functools.lru_cache(maxsize=COMPILE_CACHE_SIZE)
def referenced_paths(src: str) -> frozenset[tuple[str, ...]]:
    """The member paths an expression reads, e.g. {("event", "amount"), ("nodes", "n3", "response")}.

    A path is a context variable followed by `.field` or `["field"]` selections, up to the first
    method call, index by value or other operation. Variables bound by macros (`t` in
    `event.tags.exists(t, t == "x")`) and function names are not paths; string literals are
    skipped. A leading-dot name (`.event`) is kept as such, as CEL resolves it differently.
    """
    tokens = _tokens(src)
    count = len(tokens)

    def at(index: int) -> tuple[str, str] | None:
        return tokens[index] if 0 <= index < count else None

    paths: set[tuple[str, ...]] = set()
    bound: list[tuple[str, int]] = []
    depth = 0
    index = 0
    while index < count:
        kind, text = tokens[index]
        if kind == "punct":
            if text in "([{":
                depth += 1
            elif text in ")]}":
                depth -= 1
                while bound and bound[-1][1] > depth:
                    bound.pop()
            elif text == "." and _binds_variable(at(index + 1), at(index + 2), at(index + 3), at(index + 4)):
                bound.append((tokens[index + 3][1], depth + 1))
            index += 1
            continue
        if kind != "ident":
            index += 1
            continue
        previous = at(index - 1)
        following = at(index + 1)
        name = text
        if previous == ("punct", "."):
            if _ends_value(at(index - 2)):
                index += 1
                continue
            name = "." + text
        if (
            (following is not None and following[1] in ("(", "{"))
            or text in _NON_VARIABLE_IDENTIFIERS
            or any(text == bound_name for bound_name, _ in bound)
        ):
            index += 1
            continue
        path, index = _selections(tokens, index + 1, [name])
        paths.add(tuple(path))
    return frozenset(paths)


def _binds_variable(*window: tuple[str, str] | None) -> bool:
    """`.exists(x, ...)`: a macro whose first argument names a new variable."""
    macro, paren, variable, comma = window
    return (
        macro is not None
        and macro[0] == "ident"
        and macro[1] in _BINDING_MACROS
        and paren == ("punct", "(")
        and variable is not None
        and variable[0] == "ident"
        and comma == ("punct", ",")
    )


def _selections(tokens: list[tuple[str, str]], index: int, path: list[str]) -> tuple[list[str], int]:
    count = len(tokens)
    while index < count:
        kind, text = tokens[index]
        if (
            text == "."
            and index + 1 < count
            and tokens[index + 1][0] == "ident"
            and (index + 2 >= count or tokens[index + 2][1] != "(")
        ):
            path.append(tokens[index + 1][1])
            index += 2
        elif (
            text == "["
            and index + 2 < count
            and tokens[index + 1][0] == "string"
            and tokens[index + 2][1] == "]"
            and (key := _string_key(tokens[index + 1][1])) is not None
        ):
            path.append(key)
            index += 3
        else:
            break
    return path, index


@functools.lru_cache(maxsize=COMPILE_CACHE_SIZE)
def referenced_functions(src: str) -> frozenset[str]:
    """Named functions and macros the expression calls (operators excluded)."""
    return frozenset(name for name in compile_expression(src).functions() if name.isidentifier())


# ---- checking against known fields ---------------------------------------------------------

_TYPE_NOUNS = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "datetime": "a date-time",
    "timestamp": "a timestamp",
    "duration": "a duration",
    "object": "an object",
    "list": "a list",
    "null": "null",
    "bytes": "bytes",
}


def _noun(type_name: str) -> str:
    if type_name.startswith("list<"):
        return f"a list of {type_name[5:-1]}s"
    return _TYPE_NOUNS.get(type_name, type_name)


def check_expression(src: str, fields: FieldSpec, expected: str | None = None) -> list[str]:
    """Problems with `src` for the editor, as human messages; [] when none are found.

    Reports: not compiling; an unknown top-level name or function; an unknown event field, node
    or response field when `fields` knows them; a type mismatch found by evaluating against
    synthetic values of the declared types; and, with `expected` (a parameter type, "timestamp"
    or "boolean"), a result of another type. Failures that depend on real data (a missing key in
    an open object, division by zero, an unparsable string) are not reported.
    """
    try:
        program = compile_expression(src)
    except ExpressionError as error:
        return [str(error)]
    problems: list[str] = []
    for name in sorted(referenced_functions(src) - NATIVE_FUNCTIONS):
        problems.append(f"Unknown function {name!r}")
    paths = referenced_paths(src)
    for path in sorted(paths):
        problems.extend(_path_problems(path, fields))
    if problems:
        return list(dict.fromkeys(problems))
    return _evaluation_problems(program, paths, fields, expected)


def _path_problems(path: tuple[str, ...], fields: FieldSpec) -> Iterator[str]:
    root = path[0]
    if root not in ROOT_NAMES:
        yield f"Unknown name {root!r}: expressions can use {', '.join(ROOT_NAMES)}"
    elif root == "event" and fields.get("event") is not None:
        yield from _member_problems(path[1:], fields["event"], "event", "event field")
    elif root == "journey":
        yield from _member_problems(path[1:], JOURNEY_FIELDS, "journey", "journey field")
    elif root == "now" and len(path) > 1:
        yield f"now is a timestamp; it has no field {path[1]!r}"
    elif root == "nodes" and fields.get("nodes") is not None and len(path) > 1:
        yield from _node_path_problems(path, fields["nodes"])


def _node_path_problems(path: tuple[str, ...], nodes: Mapping[str, FieldType | None]) -> Iterator[str]:
    node_id = path[1]
    if node_id not in nodes:
        yield f"Unknown node {node_id!r}: only action nodes that run before this one can be used"
        return
    if len(path) < 3:
        return
    result_field = path[2]
    prefix = f"nodes.{node_id}"
    if result_field not in NODE_RESULT_FIELDS:
        yield f"{prefix} has no field {result_field!r} (it has {', '.join(NODE_RESULT_FIELDS)})"
    elif result_field == "status_code" and len(path) > 3:
        yield f"{prefix}.status_code is an integer; it has no field {path[3]!r}"
    elif result_field == "status" and len(path) > 3:
        yield f"{prefix}.status is a string; it has no field {path[3]!r}"
    elif result_field == "response" and nodes[node_id] is not None:
        yield from _member_problems(path[3:], nodes[node_id], f"{prefix}.response", "response field")


def _member_problems(members: tuple[str, ...], field_type: FieldType, where: str, what: str) -> Iterator[str]:
    current: FieldType = field_type
    for member in members:
        if isinstance(current, dict):
            if member not in current:
                hint = difflib.get_close_matches(member, list(current), n=1)
                suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
                place = f" in {where}" if "." in where else ""
                yield f"Unknown {what} {member!r}{place}{suggestion}"
                return
            current = current[member]
            where = f"{where}.{member}"
            continue
        if current in ("object", "any"):
            return
        yield f"{where} is {_noun(current)}; it has no field {member!r}"
        return


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SCALAR_SAMPLES: dict[str, tuple[Any, Any]] = {
    "string": ("", "a"),
    "integer": (1, 2),
    "number": (1.0, 2.5),
    "boolean": (False, True),
    "datetime": ("1970-01-01T00:00:00Z", "2024-05-01T09:30:00Z"),
    "timestamp": (_EPOCH, _EPOCH + timedelta(days=1)),
}
_MISSING = object()


def _sample(field_type: FieldType | None, variant: int) -> Any:
    """A value of `field_type`, or _MISSING when untyped.

    Variant 0 is false/empty and variant 1 true/non-empty, so both sides of a condition on a
    field get evaluated. Numbers are never zero: a synthetic division by zero would raise, and
    0.0 / 0.0 is NaN, which the library refuses to compare (a spurious "type mismatch").
    """
    if isinstance(field_type, dict):
        values = {name: _sample(member, variant) for name, member in field_type.items()}
        return {name: value for name, value in values.items() if value is not _MISSING}
    if field_type in _SCALAR_SAMPLES:
        return _SCALAR_SAMPLES[field_type][variant]
    if field_type == "object":
        return {}
    if field_type == "list":
        return []
    if isinstance(field_type, str) and field_type.startswith("list<") and field_type.endswith(">"):
        element = _sample(field_type[5:-1], variant)
        return [] if element is _MISSING else [element]
    return _MISSING


def _context_type(paths: frozenset[tuple[str, ...]], fields: FieldSpec) -> dict[str, FieldType]:
    """The whole context as one object type, with only the nodes the expression names."""
    known_nodes = fields.get("nodes")
    nodes: dict[str, FieldType] = {}
    for node_id in {path[1] for path in paths if path[0] == "nodes" and len(path) > 1}:
        if known_nodes is not None and node_id in known_nodes:
            result: dict[str, FieldType] = {"status": "string", "status_code": "integer"}
            if known_nodes[node_id] is not None:
                result["response"] = known_nodes[node_id]
            nodes[node_id] = result
    event = fields.get("event")
    return {
        "event": "object" if event is None else event,
        "journey": JOURNEY_FIELDS,
        "nodes": nodes if known_nodes is not None else "object",
        "now": "timestamp",
    }


def _synthetic_context(paths: frozenset[tuple[str, ...]], fields: FieldSpec, variant: int) -> dict[str, Any]:
    """Sample values along the referenced paths only: converting a context to CEL costs about a
    microsecond per value, and the editor checks hundreds of expressions per save."""
    context_type = _context_type(paths, fields)
    context: dict[str, Any] = {}
    for path in paths:
        if path[0] in context_type:
            _place(context, path[0], context_type[path[0]], path[1:], variant)
    return context


def _place(
    target: dict[str, Any], name: str, field_type: FieldType, rest: tuple[str, ...], variant: int
) -> None:
    if not rest or not isinstance(field_type, dict):
        value = _sample(field_type, variant)
        if value is not _MISSING:
            target[name] = value
        return
    child = target.get(name)
    if not isinstance(child, dict):
        child = target[name] = {}
    if rest[0] in field_type:
        _place(child, rest[0], field_type[rest[0]], rest[1:], variant)


_BRANCHING_OPERATORS = frozenset({"_?_:_", "_&&_", "_||_"})


@functools.lru_cache(maxsize=COMPILE_CACHE_SIZE)
def _branches(src: str) -> bool:
    """Whether parts of `src` may be skipped depending on values (then both variants are tried)."""
    return not _BRANCHING_OPERATORS.isdisjoint(compile_expression(src).functions())


@functools.lru_cache(maxsize=COMPILE_CACHE_SIZE)
def referenced_nodes(src: str) -> frozenset[str]:
    """The node ids `src` reads under `nodes.` (for the canvas and the graph checks)."""
    return frozenset(path[1] for path in referenced_paths(src) if path[0] == "nodes" and len(path) > 1)


def _evaluation_problems(
    program: cel.Program, paths: frozenset[tuple[str, ...]], fields: FieldSpec, expected: str | None
) -> list[str]:
    for variant in (0, 1) if _branches(program.source) else (1,):
        try:
            result = program.execute(_synthetic_context(paths, fields, variant))
        except Exception as error:
            if _is_type_error(error):
                return [runtime_message(error)]
            continue
        actual = value_type(result)
        if expected and not result_matches(actual, expected):
            return [f"Gives {_noun(actual)}, expected {_noun(expected)}"]
    return []


def value_type(value: Any) -> str:
    """The type name of an evaluation result, in the parameter vocabulary where possible."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    for python_type, name in (
        (float, "number"),
        (str, "string"),
        (datetime, "timestamp"),
        (timedelta, "duration"),
        (dict, "object"),
        (list, "list"),
        (bytes, "bytes"),
    ):
        if isinstance(value, python_type):
            return name
    return type(value).__name__


_ACCEPTED_RESULTS = {
    "number": {"number", "integer"},
    "datetime": {"timestamp", "string"},
}


def result_matches(actual: str, expected: str) -> bool:
    """Whether a result of type `actual` may fill a slot of type `expected` (null always may:
    whether a slot is nullable is decided when the value is used)."""
    if actual == "null" or actual == expected:
        return True
    if expected.startswith("list<"):
        return actual == "list"
    return actual in _ACCEPTED_RESULTS.get(expected, ())
