"""The first-run demo seeds a publishable journey that calls Cairn's own inspector."""

from app.demo import seed_demo
from app.journeys.models import Journey, JourneyStatus
from app.outbound import TargetPolicy
from app.runner import service as runner_service


def test_seed_demo_publishes_a_live_journey(app, db, monkeypatch):
    monkeypatch.setitem(app.config, "CAIRN_BASE_URL", "http://127.0.0.1:5000")
    journey = db.session.get(Journey, seed_demo("http://127.0.0.1:5000"))
    assert journey.status == JourneyStatus.LIVE
    run = runner_service.run_test(journey.id, {"user_id": "u1", "email": "a@example.com", "plan": "pro"},
                                  mode="dry")
    assert run.status == "completed", run.error
    assert run.path == ["n1", "n2", "n3", "n4"]


def test_own_address_is_allowed_but_nothing_else_private():
    policy = TargetPolicy.from_config({"CAIRN_BASE_URL": "http://127.0.0.1:5000"})
    assert policy.exempts("127.0.0.1", 5000)
    assert not policy.exempts("127.0.0.1", 6379)
    assert not TargetPolicy.from_config({}).exempts("127.0.0.1", 5000)
