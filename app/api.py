"""The REST API's one error body, its size limit and its browsable documentation page."""

from __future__ import annotations

from flask import Blueprint, Flask, g, jsonify, render_template, request
from flask_smorest import Api
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.errors import ServiceError, error_body, flatten_fields
from app.extensions import login_manager

API_PREFIX = "/api/"

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
}

docs_bp = Blueprint("api_docs", __name__)


class CairnApi(Api):
    """flask-smorest's Api, answering its own errors (e.g. webargs' 422) with Cairn's body."""

    def handle_http_exception(self, error: HTTPException):
        return http_error_response(error)


api = CairnApi()


def is_api_request() -> bool:
    return request.path.startswith(API_PREFIX)


def http_error_response(error: HTTPException):
    """The JSON error body for an HTTP error, folding in webargs' per-field messages."""
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    messages = data.get("messages") or {}
    fields: dict = {}
    problems: list[str] = []
    for location_messages in messages.values() if isinstance(messages, dict) else []:
        if isinstance(location_messages, dict):
            fields.update(location_messages)
        else:
            problems.extend(str(problem) for problem in location_messages)
    if status == 413:
        message = "The request body is larger than this server accepts."
    elif problems:
        message = " ".join(problems)
    elif fields:
        message = "Some fields are invalid: " + ", ".join(sorted(flatten_fields(fields)))
    else:
        message = error.description or error.name
    body = error_body(ERROR_CODES.get(status, "error"), message, fields)
    response = jsonify(body)
    response.status_code = status
    if status == 401 and not getattr(g, "token_auth", False):
        response.headers["WWW-Authenticate"] = 'Bearer realm="cairn"'
    return response


def service_error_response(error: ServiceError):
    response = jsonify(error_body(error.code, error.message, error.fields))
    response.status_code = error.status
    return response


def register_api_errors(app: Flask) -> None:
    """Answer API errors with the JSON body and page errors with an HTML page."""
    @app.errorhandler(ServiceError)
    def on_service_error(error: ServiceError):
        if is_api_request():
            return service_error_response(error)
        return render_template("error.html", code=error.status, message=error.message), error.status

    @app.errorhandler(CSRFError)
    def on_csrf_error(error: CSRFError):
        if is_api_request():
            return http_error_response(error)
        message = "The form expired or was sent without its security token; reload and retry."
        return render_template("error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def on_http_error(error: HTTPException):
        if is_api_request():
            return http_error_response(error)
        if error.code == 401:
            return login_manager.unauthorized()
        return render_template("error.html", code=error.code, message=error.description), error.code

    @app.errorhandler(Exception)
    def on_unexpected_error(error: Exception):
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        if is_api_request():
            response = jsonify(error_body("internal_error", "Something went wrong on our side."))
            response.status_code = 500
            return response
        message = "Something went wrong on our side."
        return render_template("error.html", code=500, message=message), 500


@docs_bp.get("/api/v1/docs")
def api_docs():
    """A browsable page of every endpoint, rendered from the OpenAPI document (works offline)."""
    spec = api.spec.to_dict()
    return render_template("api_docs.html", spec=spec)
