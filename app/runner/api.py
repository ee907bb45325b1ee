"""REST API: a journey's instances, one instance with its step log, re-driving, test runs.

Every signed-in user may read and re-drive instances and test journeys, like the rest of the
journeys API (marketers operate journeys).
"""

from flask_smorest import Blueprint

from app.auth.models import Role
from app.auth.permissions import api_blueprint, require_role
from app.runner import service
from app.runner.schemas import (
    InstanceDetailSchema,
    InstancePageSchema,
    InstanceQuerySchema,
    TestRunArgsSchema,
    TestRunSchema,
)

blp = api_blueprint(
    Blueprint(
        "runner_api",
        __name__,
        url_prefix="/api/v1",
        description="Journey instances: where each profile is in a journey and every step it took.",
    )
)

marketer = require_role(Role.MARKETER)


@blp.route("/journeys/<int:journey_id>/instances")
@blp.arguments(InstanceQuerySchema, location="query")
@blp.response(200, InstancePageSchema)
@marketer
def list_instances(query, journey_id: int):
    """A page of a journey's instances, newest first (by creation time under a time filter),
    filtered by `status`, exact `profile` and creation time (`within`, `from`, `to`); pass the
    answer's `next` as `cursor` for the following page, with the same filters."""
    return service.list_instances(journey_id, **query)


@blp.route("/instances/<int:instance_id>")
@blp.response(200, InstanceDetailSchema)
@marketer
def get_instance(instance_id: int):
    """One instance with its steps: requests (secrets masked), responses, errors, ports."""
    return service.get_instance(instance_id)


@blp.route("/instances/<int:instance_id>/retry", methods=["POST"])
@blp.response(202, InstanceDetailSchema)
@marketer
def retry_instance(instance_id: int):
    """Re-drive a failed instance from its failed step (same idempotency key); 409 otherwise."""
    return service.retry_instance(instance_id)


@blp.route("/journeys/<int:journey_id>/test", methods=["POST"])
@blp.arguments(TestRunArgsSchema)
@blp.response(200, TestRunSchema)
@marketer
def test_journey(args, journey_id: int):
    """Run the journey's draft (else its live graph) for a sample event: `dry` calls nothing,
    `live` sends each call once. Waits are skipped; nothing is stored."""
    return service.run_test(journey_id, args["event"], args["mode"])
